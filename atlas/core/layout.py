"""The one table of catalog files and their kinds: what a catalog folder holds and which schema each file follows.

`atlas check`, `atlas fmt`, the schemas and the site read this table and nothing else, so a new kind of
catalog file is added here once.
"""

from __future__ import annotations

import os
from pathlib import Path

TOOL_KIND = "tool"
TOOLS_DIR = "tools"
TOOL_SUFFIX = ".yaml"

# The shared files of a catalog, in the order they are checked and formatted: file name -> schema kind.
SHARED_FILES: dict[str, str] = {
    "categories.yaml": "categories",
    "glossary.yaml": "glossary",
    "learning-path.yaml": "learning-path",
    "comparisons.yaml": "comparisons",
    "stacks.yaml": "stacks",
    "stores.yaml": "stores",
}

# Shared files a catalog may leave out: the policy of weak sources (rule ATL235; without it only forks are found).
OPTIONAL_FILES: dict[str, str] = {
    "weak-sources.yaml": "weak-sources",
}

# Every kind of catalog file, each with its schema in atlas/core/schemas/<kind>.schema.json.
KINDS: tuple[str, ...] = (TOOL_KIND, *SHARED_FILES.values(), *OPTIONAL_FILES.values())

# What every catalog folder must hold, in words, for hints.
EXPECTED = ", ".join([*SHARED_FILES, f"{TOOLS_DIR}/<id>{TOOL_SUFFIX}"])


def kind_of(path: str | Path) -> str:
    """Which schema a catalog file follows: a shared file by its name; every other file is a tool entry."""
    name = Path(path).name
    return SHARED_FILES.get(name) or OPTIONAL_FILES.get(name) or TOOL_KIND


def is_catalog(folder: Path) -> bool:
    """A folder laid out as a catalog (it has a taxonomy or a tools folder), as opposed to any folder of YAML files."""
    return (folder / "categories.yaml").exists() or (folder / TOOLS_DIR).is_dir()


def catalog_of(path: Path) -> Path | None:
    """The catalog folder a file belongs to: the folder above tools/ for an entry, else the file's own folder."""
    parent = path.resolve().parent
    root = parent.parent if parent.name == TOOLS_DIR else parent
    return root if (root / "categories.yaml").exists() else None


def display(path: str | Path) -> str:
    """A path relative to the working directory when possible: that is what editors link to."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
