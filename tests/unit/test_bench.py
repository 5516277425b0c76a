"""The benchmark's synthetic catalog generator must produce valid, varied catalogs (measured by `make bench`)."""

from __future__ import annotations

import sys
from collections import Counter

from atlas.check.validate import check_catalog

from conftest import REAL_CATALOG, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from synthetic_catalog import generate


def test_generated_catalog_is_valid_and_varied(tmp_path):
    real = len(list((REAL_CATALOG / "tools").glob("*.yaml")))
    catalog = generate(real + 40, tmp_path / "catalog")
    checked = check_catalog(catalog)
    assert [p for p in checked.problems if p.severity == "error"] == []
    assert len(checked.tools) == real + 40
    synthetic = [d.data for d in checked.tools if d.data["id"].startswith("synthetic-")]
    assert len(synthetic) == 40
    assert len(Counter(t["license"] for t in synthetic)) >= 3
    assert len(Counter(t["categories"][0] for t in synthetic)) >= 5


def test_one_category_mode_puts_every_generated_tool_in_it(tmp_path):
    catalog = generate(len(list((REAL_CATALOG / "tools").glob("*.yaml"))) + 10, tmp_path / "catalog", one_category="model-monitoring")
    synthetic = [d.data for d in check_catalog(catalog).tools if d.data["id"].startswith("synthetic-")]
    assert {t["categories"][0] for t in synthetic} == {"model-monitoring"}
