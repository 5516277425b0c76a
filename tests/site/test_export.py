"""Exports carry every tool with every field, from the same model as the pages."""

import csv
import io
import json

from atlas.core.load import load_file
from atlas.site.build import load_valid_catalog
from atlas.site.export.api import CSV_COLUMNS, FORMAT_VERSION, catalog_csv, catalog_json, tool_json, write_exports
from atlas.site.render.comparison_spec import FACTS

from conftest import BASE_CATALOG, FIXTURE_DATE


def test_json_has_every_field_of_every_entry(tmp_path):
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    data = catalog_json(catalog)
    assert data["format_version"] == FORMAT_VERSION
    assert [t["id"] for t in data["tools"]] == ["alpha-tracker", "beta-serve"]
    for tool in data["tools"]:
        written = load_file(BASE_CATALOG / "tools" / f"{tool['id']}.yaml").data
        assert {k: tool[k] for k in written} == written
    assert data["tools"][0]["home_category"] == "tracking"
    assert [c["id"] for c in data["categories"]] == ["tracking", "serving"]
    assert data["categories"][1]["reach_tools"] == ["alpha-tracker"]


def test_csv_rows_and_formula_guard():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    catalog.tools["beta-serve"].data["summary"] = "=HYPERLINK(\"https://evil\")"
    rows = list(csv.DictReader(io.StringIO(catalog_csv(catalog))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == ["alpha-tracker", "beta-serve"]
    assert rows[0]["offering"] == "library;self-hosted"
    assert rows[1]["summary"].startswith("'=")


def test_write_exports(tmp_path):
    """Every file holds what it promises: a file per tool that is that tool's entry, not merely a file per tool."""
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    write_exports(catalog, tmp_path)
    whole = json.loads((tmp_path / "catalog.json").read_text())
    assert whole == catalog_json(catalog)
    assert [t["id"] for t in whole["tools"]] == ["alpha-tracker", "beta-serve"]
    for tool in catalog.tools.values():
        one = json.loads((tmp_path / "tools" / f"{tool.id}.json").read_text())
        assert one == tool_json(tool) == next(t for t in whole["tools"] if t["id"] == tool.id)
        written = load_file(BASE_CATALOG / "tools" / f"{tool.id}.yaml").data
        assert {k: one[k] for k in written} == written, f"api/tools/{tool.id}.json lost fields of the entry"
        cells = json.loads((tmp_path / "compare" / f"{tool.id}.json").read_text())
        assert (cells["id"], cells["name"], set(cells["facts"])) == (tool.id, tool.name, {f.key for f in FACTS})
    assert sorted(p.name for p in (tmp_path / "tools").iterdir()) == ["alpha-tracker.json", "beta-serve.json"]
    assert list(csv.DictReader(io.StringIO((tmp_path / "catalog.csv").read_text()))) == \
        list(csv.DictReader(io.StringIO(catalog_csv(catalog))))
    assert [t["id"] for t in json.loads((tmp_path / "compare.json").read_text())["tools"]] == ["alpha-tracker", "beta-serve"]
