"""The statistics page: SVG bar charts, each with a table of the same numbers, matching the catalog."""

import xml.etree.ElementTree as ET
from collections import Counter

import pytest
import yaml
from bs4 import BeautifulSoup

from atlas.site.build import load_valid_catalog
from atlas.site.render import stats

from conftest import BASE_CATALOG, FIXTURE_DATE, REAL_CATALOG
from sitecheck import page

REAL_TOOLS = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REAL_CATALOG / "tools").glob("*.yaml")]
REAL_TAXONOMY = yaml.safe_load((REAL_CATALOG / "categories.yaml").read_text(encoding="utf-8"))
HOSTILE = "<script>alert(1)</script> {{ 7*7 }} & \"quotes\""


def chart_numbers(section) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(label, value) pairs of the chart's bars and of the table rows."""
    bars = [(g["data-label"], int(g["data-value"])) for g in section.select("svg g.atlas-bar")]
    rows = [(tr.th.get_text(), int(tr.td["data-value"])) for tr in section.select("table tbody tr")]
    return bars, rows


def expected_counts() -> dict[str, dict[str, int]]:
    """The numbers, computed here from the YAML files (not from the model the page uses), where that is possible."""
    category_stage = {c["id"]: c["stage"] for c in REAL_TAXONOMY["categories"]}
    stage_titles = {s["id"]: s["title"] for s in REAL_TAXONOMY["stages"]}
    homes = Counter(t["categories"][0] for t in REAL_TOOLS)
    return {
        "stages": {stage_titles[s]: n for s, n in Counter(category_stage[t["categories"][0]] for t in REAL_TOOLS).items()},
        "categories": {c["title"]: homes[c["id"]] for c in REAL_TAXONOMY["categories"] if homes[c["id"]]},
        "licenses": dict(Counter(t["license"] for t in REAL_TOOLS)),
        "offering": {{"library": "Library", "self-hosted": "Self-hosted", "managed": "Managed service"}[o]: n
                     for o, n in Counter(o for t in REAL_TOOLS for o in t["offering"]).items()},
        "status": {s.title().replace("Maintenance", "Maintenance only"): n for s, n in Counter(t["status"] for t in REAL_TOOLS).items()},
        "reach": {f"{n} categor{'y' if n == 1 else 'ies'}": k for n, k in Counter(len(t["categories"]) for t in REAL_TOOLS).items()},
    }


@pytest.fixture(scope="module")
def stats_html(real_site):
    return page(real_site, "stats")


def test_every_chart_has_a_table_with_the_same_numbers(stats_html):
    sections = stats_html.select("section.atlas-stat")
    assert [s["id"] for s in sections] == [f"stat-{c}" for c in
                                           ("stages", "categories", "license-kind", "licenses", "offering", "status", "maintainers", "reach")]
    for section in sections:
        bars, rows = chart_numbers(section)
        assert bars and bars == rows, section["id"]
        svg = section.select_one("svg")
        assert svg["role"] == "img" and svg.title.get_text() == section.h2.get_text()


@pytest.mark.parametrize("chart", ["stages", "categories", "licenses", "offering", "status", "reach"])
def test_chart_numbers_match_the_catalog(stats_html, chart):
    bars, _ = chart_numbers(stats_html.select_one(f"#stat-{chart}"))
    assert {label: n for label, n in bars if n} == expected_counts()[chart]


def test_totals_and_derived_counts(stats_html):
    catalog = load_valid_catalog(REAL_CATALOG)
    bars = dict(chart_numbers(stats_html.select_one("#stat-license-kind"))[0])
    assert bars == {"Open source": sum(t.license_kind == "open-source" for t in catalog.tools.values()),
                    "Source-available": sum(t.license_kind == "source-available" for t in catalog.tools.values()),
                    "Proprietary": sum(t.license_kind == "proprietary" for t in catalog.tools.values())}
    assert sum(bars.values()) == len(REAL_TOOLS)
    assert sum(dict(chart_numbers(stats_html.select_one("#stat-stages"))[0]).values()) == len(REAL_TOOLS)
    maintainers = chart_numbers(stats_html.select_one("#stat-maintainers"))[0]
    counted = Counter(t["maintainer"] for t in REAL_TOOLS)
    assert len(maintainers) == min(10, len(counted))
    assert [n for _, n in maintainers] == sorted(counted.values(), reverse=True)[: len(maintainers)]
    assert all(counted[label] == n for label, n in maintainers)


def test_stats_page_is_in_the_navigation(real_site):
    nav = [a.get_text(strip=True) for a in page(real_site, "").select("nav.md-nav--primary a")]
    assert "Statistics" in nav


def test_labels_are_escaped_and_the_svg_is_well_formed():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    catalog.tools["beta-serve"].maintainer = HOSTILE
    html = stats.stats_page(catalog, "../")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    assert HOSTILE in [g["data-label"] for g in soup.select("#stat-maintainers g.atlas-bar")]
    assert HOSTILE in [th.get_text() for th in soup.select("#stat-maintainers tbody th")]
    for svg in soup.select("svg"):
        ET.fromstring(str(svg).replace("&#x27;", "'"))  # parses as XML too


def test_fixture_counts():
    charts = {c.id: {r.label: r.count for r in c.rows} for c in stats.charts(load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE))}
    assert charts["stages"] == {"Build": 1, "Run": 1}
    assert charts["categories"] == {"Tracking": 1, "Serving": 1}
    assert charts["license-kind"] == {"Open source": 1, "Source-available": 0, "Proprietary": 1}
    assert charts["reach"] == {"1 category": 1, "2 categories": 1}
    assert charts["offering"] == {"Library": 1, "Self-hosted": 1, "Managed service": 1}
