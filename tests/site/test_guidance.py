"""Learning path, glossary tooltips, guides, starter stacks and the decision helper, as plain functions."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from atlas.core.model import Term
from atlas.site.build import load_valid_catalog
from atlas.site.render import decide, guides, learning, stacks
from atlas.site.render.terms import glossed

from conftest import BASE_CATALOG, FIXTURE_DATE

ROOT = "../../"


@pytest.fixture()
def catalog():
    return load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_overview_groups_steps_by_track_with_links_and_hidden_progress(catalog):
    page = soup(learning.learning_overview(catalog, "../"))
    core = page.select('section[data-track="core"] li')
    branch = page.select('section[data-track="llm"] li')
    assert [li["data-step"] for li in core] == ["track-runs", "serve-runs"]
    assert [li["data-step"] for li in branch] == ["branch-step"]
    assert core[0].a["href"] == "../learning-path/track-runs/"
    assert core[1].a.get_text().startswith("Step 2:") and branch[0].a.get_text().startswith("Step LLM 1:")
    assert page.select_one("[data-atlas-progress]").has_attr("hidden")
    assert [i["data-atlas-step"] for i in page.select("input[data-atlas-step]")] == ["track-runs", "serve-runs", "branch-step"]


def test_step_pages_link_previous_and_next_within_their_track(catalog):
    first, second, branch = catalog.steps
    page = soup(learning.step_page(catalog, first, ROOT))
    assert page.select_one("a[rel=prev]") is None
    assert page.select_one("a[rel=next]")["href"] == f"{ROOT}learning-path/serve-runs/"
    page = soup(learning.step_page(catalog, second, ROOT))
    assert page.select_one("a[rel=prev]")["href"] == f"{ROOT}learning-path/track-runs/"
    assert page.select_one("a[rel=next]") is None  # the branch is not the next core step
    page = soup(learning.step_page(catalog, branch, ROOT))
    assert page.select_one("a[rel=prev]") is None and page.select_one("a[rel=next]") is None
    assert [a["href"] for a in page.select("#resources + ul a")] == [r.url for r in branch.resources]


def test_step_page_shows_every_field(catalog):
    step = catalog.steps[0]
    text = " ".join(soup(learning.step_page(catalog, step, ROOT)).get_text(" ").split())
    for value in (step.title, step.goal, step.why, step.skip_for_now_if, step.exercise, step.time, "Alpha Tracker", "Run"):
        assert value in text, value


def test_tools_and_categories_show_the_steps_that_use_them(catalog):
    html = soup(learning.steps_using(catalog, ROOT, tool_id="alpha-tracker"))
    assert [a["href"] for a in html.select("a")] == [f"{ROOT}learning-path/track-runs/", f"{ROOT}learning-path/serve-runs/"]
    html = soup(learning.steps_using(catalog, ROOT, category_id="serving"))
    assert [a["href"] for a in html.select("a")] == [f"{ROOT}learning-path/serve-runs/", f"{ROOT}learning-path/branch-step/"]
    assert learning.steps_using(catalog, ROOT, tool_id="no-such-tool") == ""


def test_glossed_explains_the_first_mention_of_each_term_only(catalog):
    html = soup(glossed(catalog, "A run, another Run, and an API endpoint."))
    abbrs = html.select("abbr.atlas-term")
    assert [(a.get_text(), a["data-term"]) for a in abbrs] == [("run", "run"), ("API", "endpoint")]
    assert abbrs[0]["tabindex"] == "0" and abbrs[0]["data-definition"] == catalog.terms["run"].definition
    assert html.get_text() == "A run, another Run, and an API endpoint."


def test_glossed_matches_whole_words_and_escapes(catalog):
    catalog.terms["run"] = dataclasses.replace(catalog.terms["run"], definition='<b onclick="x">bold</b>')
    out = glossed(catalog, "rerun <script>run</script> runner")
    assert "<script>" not in out and "&lt;script&gt;" in out
    page = soup(out)
    assert [a.get_text() for a in page.select("abbr")] == ["run"]
    assert page.abbr["data-definition"] == '<b onclick="x">bold</b>' and page.find("b") is None


def test_glossed_prefers_the_longest_term(catalog):
    catalog.terms["api-endpoint"] = Term("api-endpoint", "API endpoint", "A URL that serves an API.")
    page = soup(glossed(catalog, "Call the API endpoint."))
    assert page.abbr.get_text() == "API endpoint" and page.abbr["data-term"] == "api-endpoint"


def test_stores_guide_lists_the_tools_of_each_store_from_the_data(catalog):
    page = soup(guides.stores_guide(catalog, ROOT))
    section = page.select_one("h2#run-store").parent
    assert section.h2.get_text().rstrip("¶") == "Run store"
    listed = [a["href"] for a in section.select("li a")]
    assert listed == [f"{ROOT}tools/{t.id}/" for t in catalog.categories["tracking"].tools]


def test_need_it_yet_and_how_to_choose_cover_every_category(catalog):
    table = soup(guides.need_it_yet(catalog, ROOT))
    assert len(table.select("tbody tr")) == len(catalog.categories)
    assert catalog.categories["tracking"].need_it_when[0] in table.get_text()
    choose = soup(guides.how_to_choose(catalog, ROOT))
    links = [a["href"] for a in choose.select("a:not(.headerlink)")]
    assert [a["href"] for a in choose.select("h3 a.headerlink")] == [f"#choose-{c.id}" for s in catalog.stages for c in s.categories]
    assert links == [f"{ROOT}categories/{c.id}/#compare-them" for s in catalog.stages for c in s.categories]


def test_stack_pages_list_every_pick_with_reason_and_alternatives(catalog):
    stack = catalog.stacks[0]
    page = soup(stacks.stack_page(catalog, stack, ROOT))
    rows = page.select("tbody tr")
    assert [r["data-tool"] for r in rows] == [p.tool for p in stack.picks]
    assert rows[1].find_all("td")[1].get_text() == stack.picks[1].why
    assert rows[1].find_all("td")[2].a["href"] == f"{ROOT}tools/alpha-tracker/"
    overview = soup(stacks.stacks_overview(catalog, "../"))
    assert [a["href"] for a in overview.select("a")] == [f"../stacks/{s.id}/" for s in catalog.stacks]
    assert "Picked in the starter stacks" in stacks.stacks_using(catalog, ROOT, "beta-serve")


def test_decision_helper_asks_six_questions_with_a_default(catalog):
    page = soup(decide.decision_helper(catalog, "../"))
    fieldsets = page.select("fieldset")
    assert len(fieldsets) == 6
    assert all(len(f.select("input[checked]")) == 1 for f in fieldsets)
    assert page.select_one("[data-atlas-decide]")["data-catalog"] == "../api/catalog.json"
