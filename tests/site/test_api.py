"""The published exports: valid against their schemas, and the same counts as the catalog."""

import csv
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from atlas.core.schema import SCHEMA_DIR, load_schema
from atlas.site.build import load_valid_catalog
from atlas.site.export import landscape2
from atlas.site.export.api import catalog_json, tool_json, write_exports

from conftest import BASE_CATALOG, FIXTURE_DATE, REAL_CATALOG, ROOT

EXPORT_SCHEMA = json.loads((SCHEMA_DIR / "catalog.schema.json").read_text(encoding="utf-8"))
LANDSCAPE2_SCHEMA = json.loads((ROOT / "tests" / "landscape2-data.schema.json").read_text(encoding="utf-8"))
REAL_TOOLS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REAL_CATALOG / "tools").glob("*.yaml")}
REAL_TAXONOMY = yaml.safe_load((REAL_CATALOG / "categories.yaml").read_text(encoding="utf-8"))


def validator(schema: dict) -> jsonschema.Draft7Validator:
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker(formats=("date",)))


CATALOG_VALIDATOR = validator(EXPORT_SCHEMA)
TOOL_VALIDATOR = validator({"definitions": EXPORT_SCHEMA["definitions"], "$ref": "#/definitions/tool"})
LANDSCAPE_VALIDATOR = validator(LANDSCAPE2_SCHEMA)


def errors(v: jsonschema.Draft7Validator, data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in v.iter_errors(data)]


def test_export_schema_copies_the_tool_schema():
    tool = load_schema("tool")
    exported = EXPORT_SCHEMA["definitions"]["tool"]
    assert {k: exported["properties"][k] for k in tool["properties"]} == tool["properties"], \
        "copy the properties of schema/tool.schema.json into definitions.tool of schema/catalog.schema.json"
    assert set(exported["properties"]) - set(tool["properties"]) == {"home_category", "license_kind", "page"}
    assert exported["allOf"] == tool["allOf"] and set(tool["required"]) <= set(exported["required"])


def test_fixture_exports_are_valid():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    assert errors(CATALOG_VALIDATOR, catalog_json(catalog)) == []
    for tool in catalog.tools.values():
        assert errors(TOOL_VALIDATOR, tool_json(tool)) == []
    assert errors(LANDSCAPE_VALIDATOR, landscape2.landscape_data(catalog)) == []


def test_schemas_catch_broken_exports():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    data = catalog_json(catalog)
    del data["tools"][0]["page"]
    data["tools"][1]["license_kind"] = "free"
    assert len(errors(CATALOG_VALIDATOR, data)) == 2
    landscape = landscape2.landscape_data(catalog)
    del landscape["categories"][0]["subcategories"][0]["items"][0]["logo"]
    assert [e.split(": ", 1)[1] for e in errors(LANDSCAPE_VALIDATOR, landscape)] == ["'logo' is a required property"]


def test_landscape_maps_stages_to_categories_and_categories_to_subcategories():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    data = landscape2.landscape_data(catalog)
    assert [c["name"] for c in data["categories"]] == ["Build", "Run"]
    assert [[s["name"] for s in c["subcategories"]] for c in data["categories"]] == [["Tracking"], ["Serving"]]
    (alpha,) = data["categories"][0]["subcategories"][0]["items"]
    assert alpha == {"name": "Alpha Tracker", "homepage_url": "https://alpha.example.org/", "logo": "alpha-tracker.svg",
                     "description": "Invented open-source run tracker used by the tests.",
                     "repo_url": "https://github.com/example/alpha-tracker"}
    assert "repo_url" not in data["categories"][1]["subcategories"][0]["items"][0]


def test_logo_escapes_the_name():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    tool = catalog.tools["alpha-tracker"]
    tool.name = "A<b>&\"c\""
    import xml.etree.ElementTree as ET
    assert "".join(ET.fromstring(landscape2.logo_svg(tool)).itertext()) == "A<b>&\"c\""


def test_exports_are_byte_identical_across_builds(tmp_path):
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    write_exports(catalog, tmp_path / "a")
    write_exports(load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE), tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


# ---- the real site ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def api(real_site) -> Path:
    return real_site / "api"


def test_published_catalog_is_valid_and_complete(api):
    data = json.loads((api / "catalog.json").read_text(encoding="utf-8"))
    assert errors(CATALOG_VALIDATOR, data) == []
    assert json.loads((api / "catalog.schema.json").read_text(encoding="utf-8")) == EXPORT_SCHEMA
    assert len(data["tools"]) == len(REAL_TOOLS)
    assert len(data["categories"]) == len(REAL_TAXONOMY["categories"])
    assert len(data["stages"]) == len(REAL_TAXONOMY["stages"])
    assert sum(len(c["home_tools"]) for c in data["categories"]) == len(REAL_TOOLS)
    assert sum(len(c["reach_tools"]) for c in data["categories"]) == sum(len(t["categories"]) - 1 for t in REAL_TOOLS.values())
    with (api / "catalog.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == len(REAL_TOOLS)


def test_one_json_file_per_tool(api):
    catalog = {t["id"]: t for t in json.loads((api / "catalog.json").read_text(encoding="utf-8"))["tools"]}
    files = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (api / "tools").glob("*.json")}
    assert set(files) == set(REAL_TOOLS)
    for tool_id, data in files.items():
        assert data == catalog[tool_id]
        assert errors(TOOL_VALIDATOR, data) == [], tool_id


def test_landscape_export_is_valid_with_every_tool_once(api):
    data = yaml.safe_load((api / "landscape.yml").read_text(encoding="utf-8"))
    assert errors(LANDSCAPE_VALIDATOR, data) == []
    items = [i for c in data["categories"] for s in c["subcategories"] for i in s["items"]]
    assert sorted(i["name"] for i in items) == sorted(t["name"] for t in REAL_TOOLS.values())
    assert [c["name"] for c in data["categories"]] == [s["title"] for s in REAL_TAXONOMY["stages"]]
    assert sum(len(c["subcategories"]) for c in data["categories"]) == len(REAL_TAXONOMY["categories"])
    for item in items:
        assert (api / landscape2.LOGOS / item["logo"]).is_file(), item["logo"]
        assert item.get("repo_url", "https://github.com/").startswith("https://github.com/")


def test_api_page_documents_every_export_and_the_licence(real_site):
    from sitecheck import page
    html = page(real_site, "api")
    hrefs = {a["href"] for a in html.select("article a")}
    assert {"catalog.json", "catalog.schema.json", "catalog.csv", "landscape.yml", "tools/mlflow.json"} <= hrefs
    assert "CC BY 4.0" in html.get_text()
    nav = [a.get_text(strip=True) for a in page(real_site, "").select("nav.md-nav--primary a")]
    assert "API and data" in nav
