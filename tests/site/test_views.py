"""The comparison views as plain functions: category tables, side-by-side, reach matrix, landscape map."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from atlas.core.model import Comparison, SelfHosting
from atlas.site.build import load_valid_catalog
from atlas.site.render import amoeba, compare, comparison_spec, landscape, table

from conftest import BASE_CATALOG, FIXTURE_DATE, REAL_CATALOG, REAL_DATE

ROOT = "../../"


@pytest.fixture()
def catalog():
    return load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def archived(catalog, tool_id):
    """A copy of the catalog where one tool is archived (fixture data has none)."""
    catalog.tools[tool_id] = dataclasses.replace(catalog.tools[tool_id], status="archived", status_note="Gone.")
    for category in catalog.categories.values():
        category.home_tools = [catalog.tools[t.id] for t in category.home_tools]
        category.reach_tools = [catalog.tools[t.id] for t in category.reach_tools]
    return catalog


# ---- category comparison table ------------------------------------------------------------------

def test_table_has_home_rows_then_marked_reach_rows(catalog):
    serving = catalog.categories["serving"]
    page = soup(table.comparison_table(catalog, serving, ROOT))
    rows = page.select("table.atlas-compare tbody tr")
    assert [r["data-id"] for r in rows] == [t.id for t in serving.home_tools] + [t.id for t in serving.reach_tools]
    assert [r["data-role"] for r in rows] == ["home"] * len(serving.home_tools) + ["reach"] * len(serving.reach_tools)
    reach_row = page.select_one('tr[data-role="reach"]')
    assert "reaches in from Tracking" in reach_row.get_text(" ")
    assert page.select_one('tr[data-role="home"] .atlas-reach-mark') is None


def test_table_columns_are_common_facts_then_criteria_with_help(catalog):
    tracking = catalog.categories["tracking"]
    page = soup(table.comparison_table(catalog, tracking, ROOT))
    keys = [th["data-key"] for th in page.select("thead th")]
    assert keys == ["name", "licence", "offering", "pricing", "hosting", "status"] + [c.id for c in tracking.criteria]
    for criterion in tracking.criteria:
        th = page.select_one(f'th[data-key="{criterion.id}"]')
        tip = th.select_one('[role="tooltip"]')
        assert tip.get_text() == criterion.help
        assert th.button["aria-describedby"] == tip["id"]


def test_answer_cells_show_symbol_and_text_and_link_to_the_source_row(catalog):
    tracking = catalog.categories["tracking"]
    page = soup(table.comparison_table(catalog, tracking, ROOT))
    row = page.select_one('tr[data-id="alpha-tracker"]')
    cells = row.find_all("td")[5:]
    texts = [c.get_text(" ", strip=True) for c in cells]
    expected = [table.answer_text(catalog.tools["alpha-tracker"].answer("tracking", c.id).value) for c in tracking.criteria]
    assert texts == expected
    partial = row.select_one("a[title='Only small files.']")
    assert partial["href"] == f"{ROOT}tools/alpha-tracker/#answer-tracking--artifacts"


def test_unknown_is_visibly_different_from_no(catalog):
    serving = catalog.categories["serving"]
    page = soup(table.comparison_table(catalog, serving, ROOT))
    row = page.select_one('tr[data-id="beta-serve"]')  # beta-serve answers nothing: every cell is unknown
    answers = row.select(".atlas-answer")
    assert answers and all("atlas-answer--unknown" in a["class"] for a in answers)
    assert all(a.get_text(" ", strip=True) == "? Unknown" for a in answers)
    assert table.answer_text("no") != table.answer_text("unknown")


def test_row_flags_drive_the_filters(catalog):
    alpha, beta = catalog.tools["alpha-tracker"], catalog.tools["beta-serve"]
    # Neither fixture records self_hosting: a self-hosted offering counts as self-hostable, never as free to self-host.
    assert table.row_flags(alpha) == {"oss": True, "selffree": False, "self": True, "free": True, "active": True}
    assert table.row_flags(beta) == {"oss": False, "selffree": False, "self": False, "free": False, "active": True}
    free = dataclasses.replace(alpha, self_hosting=SelfHosting("free", "https://example.org/self-host"))
    paid = dataclasses.replace(alpha, self_hosting=SelfHosting("paid", "https://example.org/licence"))
    assert (table.row_flags(free)["selffree"], table.row_flags(free)["self"]) == (True, True)
    assert (table.row_flags(paid)["selffree"], table.row_flags(paid)["self"]) == (False, True)
    gone = archived(catalog, "beta-serve").tools["beta-serve"]
    assert table.row_flags(gone)["active"] is False
    page = soup(table.comparison_table(catalog, catalog.categories["serving"], ROOT))
    assert page.select_one('tr[data-id="beta-serve"]')["data-active"] == "0"
    assert page.select_one('tr[data-id="beta-serve"] del').get_text() == "Archived"


def test_table_escapes_contributed_text(catalog):
    tool = catalog.tools["alpha-tracker"]
    catalog.tools["alpha-tracker"] = dataclasses.replace(tool, name="<img src=x onerror=alert(1)>")
    catalog.categories["tracking"].home_tools = [catalog.tools["alpha-tracker"]]
    html = table.comparison_table(catalog, catalog.categories["tracking"], ROOT)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


# ---- side-by-side -------------------------------------------------------------------------------

def groups(catalog, tools):
    rows = comparison_spec.rows(comparison_spec.index(catalog), [comparison_spec.tool_cells(catalog, t) for t in tools])
    return [r.group["link"] for r in rows if r.group]


def test_shared_categories_are_those_of_at_least_two_tools(catalog):
    both = [catalog.tools["alpha-tracker"], catalog.tools["beta-serve"]]
    assert groups(catalog, both) == ["categories/serving/"]
    assert groups(catalog, both[:1]) == ["categories/tracking/", "categories/serving/"]


def test_unknown_and_not_in_category_are_never_a_difference(catalog):
    alpha, beta = catalog.tools["alpha-tracker"], catalog.tools["beta-serve"]
    cells = [comparison_spec.tool_cells(catalog, t) for t in (alpha, beta)]
    criterion = next(iter(cells[0]["criteria"]["serving"]))
    cells[0]["criteria"]["serving"][criterion] = {"value": "unknown", "parts": [{"answer": "unknown"}]}
    cells[1]["criteria"]["serving"][criterion] = {"value": "yes", "parts": [{"answer": "yes"}]}
    row = next(r for r in comparison_spec.rows(comparison_spec.index(catalog), cells) if r.label and r.help and
               r.label == next(c.label for c in catalog.categories["serving"].criteria if c.id == criterion))
    assert row.differs is False, "an unknown answer is not a difference"
    cells[0]["criteria"]["serving"][criterion] = {"value": "no", "parts": [{"answer": "no"}]}
    row = next(r for r in comparison_spec.rows(comparison_spec.index(catalog), cells) if r.label == row.label)
    assert row.differs is True


def test_comparison_marks_rows_that_differ(catalog):
    tools = [catalog.tools["alpha-tracker"], catalog.tools["beta-serve"]]
    page = soup(compare.comparison_table(catalog, tools, ROOT))
    differing = {tr.th.get_text(" ", strip=True).lstrip("≠ ") for tr in page.select("tr.atlas-differs")}
    assert {"Licence", "Pricing", "Status", "Offering"} <= differing
    assert "Summary" not in differing
    header = [a.get_text() for a in page.select_one("table").select("thead a")]
    assert header == ["Alpha Tracker", "Beta Serve"]


def test_comparison_shows_notes_sources_and_not_in_category(catalog):
    tools = [catalog.tools["alpha-tracker"], catalog.tools["beta-serve"]]
    catalog.tools["beta-serve"].categories.append("tracking")  # now both share tracking
    page = soup(compare.comparison_table(catalog, tools, ROOT))
    assert "Only small files." in page.get_text()
    assert page.find("a", href="https://alpha.example.org/docs/artifacts").get_text() == "source"
    catalog.tools["beta-serve"].categories.remove("tracking")
    page = soup(compare.comparison_table(catalog, tools + [catalog.tools["alpha-tracker"]], ROOT))
    assert "Not in this category" in page.get_text()


def test_curated_page_lists_its_tools_and_their_differences(catalog):
    comparison = Comparison("x", "Alpha or Beta?", "An <em>intro</em>.", ("alpha-tracker", "beta-serve"))
    page = soup(compare.comparison_page(catalog, comparison, ROOT))
    assert page.select_one("h1#comparison-title").get_text() == "Alpha or Beta?"
    assert "An <em>intro</em>." in page.select_one(".atlas-summary").get_text()
    assert "Tracks runs, where Beta Serve serves models." in page.select_one(".atlas-differences").get_text()
    assert page.find("a", href=f"{ROOT}compare/?tools=alpha-tracker,beta-serve") is not None


def test_compare_app_points_at_the_comparison_index_and_lists_curated_pages(catalog):
    page = soup(compare.compare_app(catalog, "../"))
    app = page.select_one("[data-atlas-compare]")
    assert app["data-index"] == "../api/compare.json" and app["data-max"] == "4"
    assert [a["href"] for a in page.select(".atlas-curated a")] == [f"../compare/{c.id}/" for c in catalog.comparisons]
    assert page.noscript is not None


# ---- reach matrix and stage strip ---------------------------------------------------------------

def test_reach_matrix_marks_home_and_reach_and_sorts_by_breadth(catalog):
    page = soup(amoeba.reach_matrix(catalog, "../"))
    rows = page.select("tbody tr")
    assert [r["id"] for r in rows] == ["reach-alpha-tracker", "reach-beta-serve"]  # 2 categories before 1
    for row in rows:
        tool = catalog.tools[row["id"].removeprefix("reach-")]
        assert len(row.select("td.atlas-home")) == 1
        assert len(row.select("td.atlas-reach-cell")) == len(tool.categories) - 1
        assert row.select_one("td.atlas-breadth").get_text() == str(len(tool.categories))
    stage_headers = [th["data-stage"] for th in page.select("thead tr:first-child th")]
    assert stage_headers == [s.id for s in catalog.stages if s.categories]


def test_stage_strip_marks_home_stage_and_reached_stages(catalog):
    tool = catalog.tools["alpha-tracker"]
    page = soup(amoeba.stage_strip(catalog, tool, ROOT))
    states = {li["data-stage"]: li["class"][0] for li in page.select("li")}
    assert len(states) == len(catalog.stages)
    assert states[catalog.categories["tracking"].stage] == "atlas-strip-home"
    serving_stage = catalog.categories["serving"].stage
    if serving_stage != catalog.categories["tracking"].stage:
        assert states[serving_stage] == "atlas-strip-reach"
    assert list(states.values()).count("atlas-strip-home") == 1


# ---- landscape map and poster -------------------------------------------------------------------

def test_map_shows_every_tool_once_in_its_home_panel(catalog):
    page = soup(landscape.landscape_map(catalog, "../"))
    chips = page.select("a.atlas-chip")
    assert sorted(a["href"] for a in chips) == sorted(f"../tools/{t}/" for t in catalog.tools)
    beta = page.select_one('#map-serving a[href="../tools/beta-serve/"]')
    assert beta is not None and "atlas-chip--proprietary" in beta["class"]


def test_map_strikes_through_archived_tools(catalog):
    archived(catalog, "beta-serve")
    page = soup(landscape.landscape_map(catalog, "../"))
    chip = page.select_one('a[href="../tools/beta-serve/"]')
    assert chip.select_one("del").get_text() == "Beta Serve"
    assert "(archived)" in chip.get_text()


def test_poster_is_valid_svg_with_every_tool_and_is_deterministic(catalog):
    catalog.tools["alpha-tracker"].name = "A & <B>"
    svg = landscape.poster_svg(catalog)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    for tool in catalog.tools.values():
        assert any(t.startswith(tool.name) for t in texts), tool.name


POSTER_IN_A_PROCESS = """import hashlib, random, sys
from atlas.core.assemble import build_catalog
from atlas.site.build import load_valid_catalog
from atlas.site.render import landscape
import datetime as dt
catalog = load_valid_catalog(sys.argv[1], today=dt.date.fromisoformat(sys.argv[2]))
for category in catalog.categories.values():  # the order tools were read in must not matter
    random.Random(int(sys.argv[3])).shuffle(category.home_tools)
print(hashlib.sha256(landscape.poster_svg(catalog).encode()).hexdigest())
"""


def test_poster_is_the_same_bytes_in_separate_processes_whatever_the_order():
    """Determinism across runs: another process (another hash seed) and another order of tools give the same SVG."""
    outputs = set()
    for seed in ("1", "2", "3"):
        # the real catalog: its categories hold many tools, so a shuffle really changes the order
        result = subprocess.run([sys.executable, "-c", POSTER_IN_A_PROCESS, str(REAL_CATALOG), REAL_DATE.isoformat(), seed],
                                capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.add(result.stdout.strip())
    assert len(outputs) == 1, outputs
