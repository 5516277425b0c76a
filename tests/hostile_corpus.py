"""The hostile corpus (tests/fixtures/hostile/cases.yaml), shared by the checker, site and browser tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import FIXTURES, catalog_with_overlay

HOSTILE = FIXTURES / "hostile"
CASES = yaml.safe_load((HOSTILE / "cases.yaml").read_text(encoding="utf-8"))["cases"]
REJECTED = [c for c in CASES if c["outcome"] == "reject"]
INERT = [c for c in CASES if c["outcome"] == "inert"]
CURATED = {"id": "hostile-side-by-side", "title": "Hostile entries side by side",
           "intro": "Every hostile entry that is accepted must stay inert on a comparison page too.",
           "tools": ["hostile-10", "hostile-11", "alpha-tracker", "hostile-22"]}


def hostile_catalog_at(work: Path) -> Path:
    """The fixture catalog plus every accepted hostile entry and a comparison page of them."""
    catalog = catalog_with_overlay(work, None)
    for case in INERT:
        shutil.copyfile(HOSTILE / case["file"], catalog / "tools" / case["file"])
    comparisons = yaml.safe_load((catalog / "comparisons.yaml").read_text(encoding="utf-8"))
    comparisons["comparisons"].append(CURATED)
    (catalog / "comparisons.yaml").write_text(yaml.safe_dump(comparisons), encoding="utf-8")
    return catalog
