"""Load, validate and model the catalog for one site build; the MkDocs glue calls only this."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from atlas.core.problems import format_report
from atlas.core.assemble import build_catalog
from atlas.core.model import Catalog
from atlas.check.validate import check_catalog


class CatalogInvalid(Exception):
    """The catalog has errors; the message is the same report `atlas check` prints."""


def catalog_dir(config_dir: str | Path) -> Path:
    """`catalog/` beside mkdocs.yml, unless ATLAS_CATALOG points elsewhere (tests, previews)."""
    override = os.environ.get("ATLAS_CATALOG")
    return Path(override) if override else Path(config_dir) / "catalog"


def load_valid_catalog(root: str | Path, today: dt.date | None = None) -> Catalog:
    checked = check_catalog(root, today=today, formatting=False)  # layout warnings never stop a build
    if checked.errors:
        raise CatalogInvalid(format_report(checked.problems))
    shared = {kind: _mapping(doc.data) for kind, doc in checked.shared.items()}
    return build_catalog(
        categories_data=shared["categories"], tools_data=[_mapping(doc.data) for doc in checked.tools],
        learning_data=shared["learning-path"], glossary_data=shared["glossary"], comparisons_data=shared["comparisons"],
        stacks_data=shared["stacks"], stores_data=shared["stores"], github=checked.github,
    )


def _mapping(data: object) -> dict[str, Any]:
    """A valid catalog file is a mapping (its schema says so); anything else here is a bug, not a data error."""
    if not isinstance(data, dict):
        raise TypeError(f"expected a mapping, got {type(data).__name__}")
    return data


class BuildState:
    """The catalog of the build in progress, shared by the MkDocs hook and the macros."""

    catalog: Catalog | None = None
    slots = None  # atlas.site.slots.Slots of the build in progress, set by the hook

    @classmethod
    def require(cls) -> Catalog:
        if cls.catalog is None:
            raise RuntimeError("the Atlas hook (atlas/site/hook.py) did not load the catalog; check mkdocs.yml `hooks:`")
        return cls.catalog
