"""The site as built by `mkdocs build --strict`: parsed HTML, counts, exports, failure modes."""

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURE_ENV, FIXTURES, REAL_CATALOG, ROOT, TEST_SITE_URL, build_site, catalog_with_overlay
from sitecheck import broken_internal_links, missing_tool_pages, page, tool_pages

REAL_TOOLS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in (REAL_CATALOG / "tools").glob("*.yaml")}
REAL_TAXONOMY = yaml.safe_load((REAL_CATALOG / "categories.yaml").read_text(encoding="utf-8"))
BASE_PATH = urlsplit(TEST_SITE_URL).path


def test_every_tool_has_a_page_showing_its_name(real_site):
    assert missing_tool_pages(real_site, REAL_TOOLS) == []


def test_nothing_lost_pages_and_exports_match_the_catalog(real_site):
    files = set(REAL_TOOLS)
    assert tool_pages(real_site) == files
    exported = json.loads((real_site / "api" / "catalog.json").read_text(encoding="utf-8"))
    assert {t["id"] for t in exported["tools"]} == files
    with (real_site / "api" / "catalog.csv").open(encoding="utf-8") as f:
        assert {row["id"] for row in csv.DictReader(f)} == files
    assert {c.parent.name for c in (real_site / "categories").glob("*/index.html")} == {c["id"] for c in REAL_TAXONOMY["categories"]}


def test_every_category_page_lists_its_tools(real_site):
    tools = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REAL_CATALOG / "tools").glob("*.yaml")}
    for category in REAL_TAXONOMY["categories"]:
        html = page(real_site, f"categories/{category['id']}")
        listed = [li["data-tool"] for li in html.select(".atlas-cards > li")]
        home = sorted(t for t, d in tools.items() if d["categories"][0] == category["id"])
        reach = sorted(t for t, d in tools.items() if category["id"] in d["categories"][1:])
        assert listed == home + reach, category["id"]
        assert html.select_one("h1").get_text() == category["title"]


def test_home_page_shows_stages_with_counts(real_site):
    html = page(real_site, "")
    stages = [s["id"] for s in REAL_TAXONOMY["stages"]]
    assert [s["id"] for s in html.select("section.atlas-stage")] == [f"stage-{s}" for s in stages]
    assert f"{len(REAL_TOOLS)} tools in {len(REAL_TAXONOMY['categories'])} categories" in html.get_text()


def test_navigation_lists_categories_not_tools(real_site):
    html = page(real_site, "tools/mlflow")
    nav_links = [a.get("href", "") for a in html.select("nav.md-nav--primary a")]
    assert any("categories/experiment-tracking/" in href for href in nav_links)
    assert not any("/tools/" in href or href.startswith("tools/") for href in nav_links)


def test_internal_links_resolve(real_site):
    assert broken_internal_links(real_site, BASE_PATH) == []


def test_internal_link_check_catches_a_broken_link(tmp_path, real_site):
    copy = tmp_path / "site"
    shutil.copytree(real_site, copy)
    (copy / "tools" / "mlflow" / "index.html").unlink()
    assert any("tools/mlflow/" in problem for problem in broken_internal_links(copy, BASE_PATH))
    assert missing_tool_pages(copy, {"mlflow": "MLflow"}) == ["mlflow"]


def test_internal_link_check_catches_a_missing_fragment(tmp_path, real_site):
    copy = tmp_path / "site"
    shutil.copytree(real_site, copy)
    target = copy / "tools" / "evidently" / "index.html"
    target.write_text(target.read_text(encoding="utf-8").replace('id="answer-model-monitoring--drift-detection"', ""), encoding="utf-8")
    problems = broken_internal_links(copy, BASE_PATH)
    assert any(p.startswith("categories/model-monitoring/index.html: ../../tools/evidently/#answer-model-monitoring--drift-detection")
               and "no element with id" in p for p in problems), problems


def test_site_loads_nothing_from_other_hosts(real_site):
    for html_file in real_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        external = [t.get("src") or t.get("href") for t in soup.find_all(["script", "link", "img", "iframe"])
                    if (t.get("src") or t.get("href") or "").startswith(("http:", "https:", "//"))
                    and not (t.name == "link" and t.get("rel") == ["canonical"])]
        assert external == [], html_file


def test_contributed_text_is_inert_in_the_built_page(fixture_site):
    html = (fixture_site / "tools" / "zeta" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and ">49<" not in html
    assert "&lt;b&gt;Text&lt;/b&gt;" in html
    assert page(fixture_site, "tools/zeta").select_one("h1#tool-name").get_text() == "Zéta Ünïcode 日本"
    assert "<title>Zéta Ünïcode 日本 - MLOps Atlas</title>" in html


def test_invalid_catalog_stops_the_build_with_the_located_report(tmp_path):
    catalog = catalog_with_overlay(tmp_path, FIXTURES / "invalid" / "ATL201-unknown-category")
    dest = tmp_path / "site"
    result = build_site(catalog, dest, check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "gamma.yaml:13:24: ATL201 unknown category 'servng'" in output
    assert "1 error in 1 file." in output
    assert not (dest / "index.html").exists(), "no partial site may be produced"


def test_valid_fixture_build_is_the_positive_control(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    build_site(catalog, tmp_path / "site")
    assert tool_pages(tmp_path / "site") == {"alpha-tracker", "beta-serve"}


def test_undefined_macro_fails_the_build(tmp_path):
    """mkdocs-macros would otherwise print the error into the page and exit 0 (see PITFALLS.md)."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, project / name)
    for folder in ("docs", "atlas", "schema"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURES / "catalog", project / "catalog")
    (project / "docs" / "broken.md").write_text("---\nrender_macros: true\n---\n\n{{ no_such_macro() }}\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **FIXTURE_ENV}
    env.pop("ATLAS_CATALOG", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "no_such_macro" in result.stdout + result.stderr
    assert "configuration error" not in result.stdout + result.stderr


REAL_COMPARISONS = yaml.safe_load((REAL_CATALOG / "comparisons.yaml").read_text(encoding="utf-8"))["comparisons"]


def test_every_category_page_has_a_complete_comparison_table(real_site):
    tools = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REAL_CATALOG / "tools").glob("*.yaml")}
    for category in REAL_TAXONOMY["categories"]:
        html = page(real_site, f"categories/{category['id']}")
        table = html.select_one("table.atlas-compare")
        home = sorted(t for t, d in tools.items() if d["categories"][0] == category["id"])
        reach = sorted(t for t, d in tools.items() if category["id"] in d["categories"][1:])
        assert [tr["data-id"] for tr in table.select("tbody tr")] == home + reach, category["id"]
        keys = [th["data-key"] for th in table.select("thead th")]
        assert keys[:6] == ["name", "licence", "offering", "pricing", "hosting", "status"]
        criteria = keys[6:]
        assert criteria == [c["id"] for c in category["criteria"]]
        for tr in table.select("tbody tr"):
            assert len(tr.find_all(["td", "th"])) == 6 + len(criteria)
            hosting = tools[tr["data-id"]].get("self_hosting", {}).get("value")
            # The free-to-self-host filter follows the entry's self_hosting value, not its licence or offering.
            assert tr["data-selffree"] == ("1" if hosting == "free" else "0"), tr["data-id"]
        compare = html.select_one(".atlas-compare-links a")
        if len(home + reach) >= 2:
            assert compare["href"].startswith("../../compare/?tools=")


def test_every_curated_comparison_is_a_static_page_with_its_tools(real_site):
    tools = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in (REAL_CATALOG / "tools").glob("*.yaml")}
    for comparison in REAL_COMPARISONS:
        html = page(real_site, f"compare/{comparison['id']}")
        assert html.select_one("h1#comparison-title").get_text() == comparison["title"]
        assert [a.get_text() for a in html.select_one("table.atlas-side-by-side").select("thead a")] == [tools[t] for t in comparison["tools"]]
    listed = [a["href"] for a in page(real_site, "compare").select(".atlas-curated a")]
    assert listed == [f"../compare/{c['id']}/" for c in REAL_COMPARISONS]


def test_map_and_reach_matrix_show_every_tool(real_site):
    chips = page(real_site, "map").select("a.atlas-chip")
    assert sorted(a["href"].split("/")[-2] for a in chips) == sorted(REAL_TOOLS)
    rows = page(real_site, "reach").select("table.atlas-reach-matrix tbody tr")
    assert sorted(r["id"].removeprefix("reach-") for r in rows) == sorted(REAL_TOOLS)
    breadths = [int(r["data-breadth"]) for r in rows]
    assert breadths == sorted(breadths, reverse=True)


def test_poster_is_a_valid_svg_naming_every_tool(real_site):
    import xml.etree.ElementTree as ET
    svg = (real_site / "map" / "mlops-atlas-poster.svg").read_text(encoding="utf-8")
    text = "".join(ET.fromstring(svg).itertext())
    for name in REAL_TOOLS.values():
        assert name in text, name
    assert page(real_site, "map").select_one('a[download]')["href"] == "../map/mlops-atlas-poster.svg"


def _files(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path):
    """SOURCE_DATE_EPOCH fixes the dates; different hash seeds and folders flush out set-order and path leaks."""
    sites = []
    for seed in ("1", "2"):
        dest = tmp_path / f"site-{seed}"
        env = {**os.environ, "ATLAS_CATALOG": str(REAL_CATALOG), "ATLAS_SITE_URL": TEST_SITE_URL,
               "SOURCE_DATE_EPOCH": "1764115200", "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
        sites.append(_files(dest))
    first, second = sites
    assert sorted(first) == sorted(second)
    differing = [str(path) for path in first if first[path] != second[path]]
    assert differing == []
    assert b"<lastmod>2025-11-26</lastmod>" in first[Path("sitemap.xml")]


def test_audit_reports_a_missing_page_a_missing_field_and_a_short_export(tmp_path, real_site):
    from atlas.site.audit import audit_site
    from atlas.site.build import load_valid_catalog

    catalog = load_valid_catalog(REAL_CATALOG)
    copy = tmp_path / "site"
    shutil.copytree(real_site, copy)
    assert audit_site(catalog, copy) == []
    shutil.rmtree(copy / "tools" / "mlflow")
    page_path = copy / "tools" / "evidently" / "index.html"
    html = page_path.read_text(encoding="utf-8")
    page_path.write_text(html.replace("Evidently AI and community", "someone"), encoding="utf-8")
    exported = json.loads((copy / "api" / "catalog.json").read_text(encoding="utf-8"))
    exported["tools"] = exported["tools"][1:]
    (copy / "api" / "catalog.json").write_text(json.dumps(exported), encoding="utf-8")
    problems = audit_site(catalog, copy)
    assert "tools/mlflow/index.html: missing page for a valid entry" in problems
    assert "tools/evidently/index.html: field maintainer is not shown" in problems
    assert any(p.startswith("api/catalog.json:") for p in problems)


def test_learning_step_pages_show_their_tools_and_resources(real_site):
    steps = yaml.safe_load((REAL_CATALOG / "learning-path.yaml").read_text(encoding="utf-8"))["steps"]
    overview = page(real_site, "learning-path")
    assert [li["data-step"] for li in overview.select("li[data-step]")] == [s["id"] for s in steps]
    for step in steps:
        html = page(real_site, f"learning-path/{step['id']}")
        assert html.select_one("h1#step-title").get_text() == step["title"]
        tools = [a["href"] for a in html.select("#starter-tools + ul a")]
        assert tools == [f"../../tools/{t}/" for t in step["starter_tools"]]
        assert [a["href"] for a in html.select("#resources + ul a")] == [r["url"] for r in step["resources"]]
    first_tool = steps[0]["starter_tools"][0]
    assert page(real_site, f"tools/{first_tool}").select_one(".atlas-in-path a")["href"] == f"../../learning-path/{steps[0]['id']}/"


def test_stack_pages_list_their_picks(real_site):
    stacks = yaml.safe_load((REAL_CATALOG / "stacks.yaml").read_text(encoding="utf-8"))["stacks"]
    for stack in stacks:
        rows = page(real_site, f"stacks/{stack['id']}").select("table.atlas-stack tbody tr")
        assert [r["data-tool"] for r in rows] == [p["tool"] for p in stack["picks"]]


def test_store_guide_lists_the_tools_of_each_store_category(real_site):
    stores = yaml.safe_load((REAL_CATALOG / "stores.yaml").read_text(encoding="utf-8"))["stores"]
    tools = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REAL_CATALOG / "tools").glob("*.yaml")}
    html = page(real_site, "guides/stores")
    for store in stores:
        section = html.select_one(f"h2#{store['id']}").parent
        assert section.select_one(f'h2 a.headerlink[href="#{store["id"]}"]'), "each store can be linked to"
        listed = {a["href"].split("/")[-2] for a in section.select("li a")}
        expected = {t for t, d in tools.items() if set(d["categories"]) & set(store["categories"])}
        assert listed == expected, store["id"]


def test_category_pages_explain_glossary_terms(real_site):
    terms = page(real_site, "categories/model-monitoring").select("abbr.atlas-term")
    assert terms and all(t.get("data-definition") and t.get("tabindex") == "0" for t in terms)
