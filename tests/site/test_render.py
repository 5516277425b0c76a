"""Renderers are plain functions: model objects in, escaped HTML out. Tested without MkDocs."""

import copy

import pytest
from bs4 import BeautifulSoup

from atlas.core.model import Tool
from atlas.site.build import load_valid_catalog
from atlas.site.macros import root_of
from atlas.site.render.category import category_page, stages_overview
from atlas.site.render.reference import glossary, rule_table
from atlas.site.render.tool import tool_page

from conftest import BASE_CATALOG, FIXTURE_DATE

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} {% raw %} [x](javascript:alert(1)) ${{ secrets.X }}"


@pytest.fixture()
def catalog():
    return load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)


def soup(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(markdown, "html.parser")


def test_tool_page_shows_every_field(catalog):
    tool = catalog.tools["alpha-tracker"]
    page = soup(tool_page(catalog, tool, "../../"))
    text = page.get_text(" ")
    for value in (tool.name, tool.summary, tool.description, tool.homepage, tool.repository, tool.documentation,
                  tool.license, tool.maintainer, tool.reviewed, "Library, Self-hosted", "Free", "Active",
                  "Solo practitioner", "Python", "Only small files.", "Tracks runs, where Beta Serve serves models."):
        assert value in text, value
    assert page.find("a", href="../../categories/tracking/").get_text() == "Tracking"
    assert page.find("a", href="../../categories/serving/").get_text() == "Serving"
    assert page.find("a", href="../../tools/beta-serve/").get_text() == "Beta Serve"
    assert [a["href"] for a in page.select(".atlas-sources a")] == tool.sources


def test_missing_answer_shows_unknown_not_no(catalog):
    page = soup(tool_page(catalog, catalog.tools["alpha-tracker"], ""))
    rows = {row.th.get_text(strip=True): row.find_all("td")[0].get_text(" ", strip=True)
            for row in page.select('table[data-category="tracking"] tbody tr')}
    assert rows == {"Self-hostable server": "✓ Yes", "Artifact storage": "◐ Partial", "Model registry": "✗ No",
                    "Sweeps": "? Unknown", "Offline mode": "? Unknown"}


def test_non_active_status_is_prominent(catalog):
    page = soup(tool_page(catalog, catalog.tools["beta-serve"], ""))
    warning = page.select_one(".atlas-status")
    assert warning is not None
    assert "Acquired by Gamma Corp" in warning.get_text()
    assert "the product continues" in warning.get_text()
    assert "Not public" in page.get_text()  # no repository


def test_active_tool_has_no_status_warning(catalog):
    assert soup(tool_page(catalog, catalog.tools["alpha-tracker"], "")).select_one(".atlas-status") is None


def test_contributed_text_is_escaped_everywhere(catalog):
    tool: Tool = copy.deepcopy(catalog.tools["alpha-tracker"])
    tool.name = tool.summary = tool.description = tool.maintainer = tool.license_note = HOSTILE
    catalog.tools[tool.id] = tool
    catalog.categories["tracking"].home_tools[0] = tool
    for html in (tool_page(catalog, tool, ""), category_page(catalog, catalog.categories["tracking"], "")):
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "{{ 7*7 }}" in html  # shown literally; the macro output is never rendered again
        parsed = soup(html)
        assert parsed.find("script") is None
        assert not [a for a in parsed.find_all("a") if a.get("href", "").startswith("javascript:")]


def test_category_page_lists_home_then_reach_tools(catalog):
    page = soup(category_page(catalog, catalog.categories["serving"], "../../"))
    cards = page.select(".atlas-cards > li")
    assert [c["data-tool"] for c in cards] == ["beta-serve", "alpha-tracker"]
    assert "atlas-card--home" in cards[0]["class"] and "atlas-card--reach" in cards[1]["class"]
    assert "Reaches in from" in cards[1].get_text() and "Tracking" in cards[1].get_text()
    text = page.get_text(" ")
    for needed in ("A model in a notebook helps nobody.", "Another system needs predictions.",
                   "Batch predictions in a table are enough.", "Do we run Kubernetes?"):
        assert needed in text


def test_stages_overview_counts_tools(catalog):
    page = soup(stages_overview(catalog, ""))
    build = page.select_one("#stage-build")
    assert "1 tool" in build.h2.get_text()
    run = page.select_one("#stage-run")
    assert "2 tools" in run.h2.get_text()  # Beta Serve at home, Alpha Tracker reaching in
    assert [a["href"] for a in page.select("a")] == ["categories/tracking/", "categories/serving/"]


def test_glossary(catalog):
    terms = soup(glossary(catalog, ""))
    assert [h.get_text().rstrip("¶") for h in terms.select("h3")] == ["Endpoint", "Run"]
    assert [h["id"] for h in terms.select("h3")] == ["term-endpoint", "term-run"]
    assert [a["href"] for a in terms.select("h3 a.headerlink")] == ["#term-endpoint", "#term-run"]
    assert "Also called: API" in terms.get_text()


def test_rule_table_lists_every_code():
    from atlas.core.codes import RULES
    table = soup(rule_table())
    assert [code.get_text() for code in table.select("code")] == [r.code for r in RULES]


@pytest.mark.parametrize("url,root", [("", ""), ("tools/mlflow/", "../../"), ("glossary/", "../")])
def test_root_of(url, root):
    assert root_of(url) == root


def test_generated_blocks_name_their_function(catalog):
    assert "<!-- generated by atlas.site.render.tool.tool_facts -->" in tool_page(catalog, catalog.tools["alpha-tracker"], "")


@pytest.mark.parametrize("licence,shown,badge", [
    ("Apache-2.0", "Apache-2.0 (open source)", "Open source"),
    ("BUSL-1.1", "BUSL-1.1 (source-available)", "Source-available"),
    ("Proprietary", "Proprietary", "Proprietary"),
    ("AGPL-3.0-only OR SSPL-1.0 OR Elastic-2.0", "AGPL-3.0-only OR SSPL-1.0 OR Elastic-2.0 (open source)", "Open source"),
    ("Apache-2.0 AND SSPL-1.0", "Apache-2.0 AND SSPL-1.0 (source-available)", "Source-available"),
    ("LicenseRef-Pachyderm-1.0", "LicenseRef-Pachyderm-1.0 (source-available)", "Source-available"),
])
def test_licence_kind_is_spelled_out(catalog, licence, shown, badge):
    tool = copy.deepcopy(catalog.tools["alpha-tracker"])
    tool.license = licence
    page = soup(tool_page(catalog, tool, ""))
    row = next(tr for tr in page.select("table.atlas-facts tr") if tr.th.get_text() == "Licence")
    provenance = row.td.select_one(".atlas-provenance").extract()
    assert row.td.get_text() == shown
    assert provenance.get_text() == "Read from LICENSE at v1.0.0", "the licence says where it was read"
    assert badge in [b.get_text() for b in page.select(".atlas-badges .atlas-badge")]
