"""Exports carry every tool with every field, from the same model as the pages."""

import csv
import io
import json

from atlas.core.load import load_file
from atlas.site.build import load_valid_catalog
from atlas.site.export.api import CSV_COLUMNS, FORMAT_VERSION, catalog_csv, catalog_json, write_exports

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
    write_exports(load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE), tmp_path)
    assert len(json.loads((tmp_path / "catalog.json").read_text())["tools"]) == 2
    assert (tmp_path / "catalog.csv").read_text().count("\n") == 3
