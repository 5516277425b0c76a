"""The front door (issue 17): the home page's ways in, one count wording, contents lists for generated headings,
code in prose, folded comparison rows, and a search index whose entries preview the right text."""

from __future__ import annotations

import dataclasses
import json
from html import unescape

import pytest
from bs4 import BeautifulSoup

from atlas.core.model import Answer
from atlas.site import toc
from atlas.site.build import load_valid_catalog
from atlas.site.render import comparison_spec, compare, home, html, landscape
from atlas.site.render.category import stages_overview

from conftest import BASE_CATALOG, FIXTURE_DATE, REAL_CATALOG, REAL_DATE

ROOT = "../"


@pytest.fixture()
def catalog():
    return load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)


def soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def test_front_door_links_every_way_in_and_picks_any_category(catalog):
    page = soup(home.front_door(catalog, ROOT))
    doors = [a["href"] for a in page.select("ul.atlas-doors a.atlas-door")]
    assert doors == [ROOT + href for href, _, _ in home.WAYS_IN]
    for page_path in ("guides/need-it-yet/", "compare/", "learning-path/", "map/", "stacks/", "decide/"):
        assert ROOT + page_path in doors
    options = [o["value"] for o in page.select("#atlas-picker-select option")]
    assert options == [f"{ROOT}categories/{c.id}/" for s in catalog.stages for c in s.categories]
    assert [g["label"] for g in page.select("optgroup")] == [s.title for s in catalog.stages]
    # Without JavaScript the picker still leads somewhere: the list of stages below.
    assert page.select_one("form[data-atlas-picker]")["action"] == "#stages"
    assert page.select_one('label[for="__search"]'), "the search door opens the site's search"


def test_home_and_map_count_a_category_with_the_same_words(catalog):
    category = next(c for c in catalog.categories.values() if c.reach_tools)
    label = html.count_label(category)
    assert label == f"{len(category.home_tools)} based here, {len(category.reach_tools)} reach in"
    lonely = dataclasses.replace(category, reach_tools=[])
    assert html.count_label(lonely) == f"{len(category.home_tools)} based here"
    overview = soup(stages_overview(catalog, ROOT))
    mapped = soup(landscape.landscape_map(catalog, ROOT))
    for c in catalog.categories.values():
        on_home = next(a for a in overview.select("a") if a["href"] == f"{ROOT}categories/{c.id}/").find_next("span").get_text()
        on_map = mapped.select_one(f"#map-{c.id}-title .atlas-count").get_text()
        assert on_home == on_map == html.count_label(c)


def test_toc_lists_generated_headings_without_permalinks_or_counts():
    markup = (html.heading(2, "a", "First &amp; one") + "<p>x</p>" + html.heading(3, "a1", 'Sub <span class="atlas-count">3 tools</span>')
              + html.heading(2, "b", "Second") + '<h1 id="t">Title</h1>')
    tokens = toc.toc_tokens(markup)
    assert [(t["id"], t["name"], [c["id"] for c in t["children"]]) for t in tokens] == [("a", "First &amp; one", ["a1"]), ("b", "Second", [])]
    assert tokens[0]["children"][0]["name"] == "Sub"
    assert toc.count(tokens) == 3
    assert 'href="#a"' in html.heading(2, "a", "x") and "headerlink" in html.heading(2, "a", "x")


def test_backticks_in_prose_become_code_but_not_inside_attributes():
    assert html.prose("Run `dvc checkout` <now>") == "Run <code>dvc checkout</code> &lt;now&gt;"
    assert html.code_spans('<abbr data-definition="a `b` c">`x`</abbr>') == '<abbr data-definition="a `b` c"><code>x</code></abbr>'
    assert html.prose("a lone ` stays") == "a lone ` stays"
    assert html.prose("`<script>`") == "<code>&lt;script&gt;</code>"


def _unknown_everywhere(catalog, tool_id: str, category_id: str):
    tool = catalog.tools[tool_id]
    criteria = dict(tool.criteria)
    criteria[category_id] = {c.id: Answer() for c in catalog.categories[category_id].criteria}
    return dataclasses.replace(tool, criteria=criteria, categories=[*tool.categories, category_id]
                               if category_id not in tool.categories else tool.categories)


def test_a_category_with_nothing_to_compare_is_folded_after_the_others(catalog):
    alpha, beta = catalog.tools["alpha-tracker"], catalog.tools["beta-serve"]
    # beta-serve answers nothing; put alpha-tracker into beta's home with unknowns only: that category has no
    # criterion with two known answers, so it moves below the categories that can be compared.
    alpha2 = _unknown_everywhere(catalog, "alpha-tracker", beta.home)
    beta2 = dataclasses.replace(beta, categories=[beta.home, alpha.home], criteria={**beta.criteria, alpha.home: alpha.criteria[alpha.home]})
    cells = [comparison_spec.tool_cells(catalog, t) for t in (alpha2, beta2)]
    rows = comparison_spec.rows(comparison_spec.index(catalog), cells)
    groups = [(r.group["text"], r.collapsed) for r in rows if r.group]
    assert groups == [(catalog.categories[alpha.home].title, False), (catalog.categories[beta.home].title, True)]
    first_folded = next(i for i, r in enumerate(rows) if r.collapsed)
    assert all(not r.collapsed for r in rows[:first_folded]) and all(r.group is None or r.collapsed for r in rows[first_folded:])
    catalog.tools["alpha-tracker"], catalog.tools["beta-serve"] = alpha2, beta2
    page = soup(compare.comparison_table(catalog, [alpha2, beta2], ROOT))
    main, folded = page.select("table.atlas-side-by-side")
    def groups_of(table):
        return [th.get_text() for th in table.select('th[scope="colgroup"]')]
    assert groups_of(main) == [catalog.categories[alpha.home].title]
    assert groups_of(folded) == [catalog.categories[beta.home].title]
    assert folded.find_parent("details").summary.get_text().startswith("1 more category with no answers to compare")


def test_one_tool_folds_only_the_categories_it_answers_nothing_in(catalog):
    alpha = catalog.tools["alpha-tracker"]
    page = soup(compare.comparison_table(catalog, [alpha], ROOT))
    tables = page.select("table.atlas-side-by-side")
    answered = [c for c in alpha.categories if any(a.value != "unknown" for a in alpha.criteria.get(c, {}).values())]
    assert [th.get_text() for th in tables[0].select('th[scope="colgroup"]')] == [catalog.categories[c].title for c in answered]
    assert len(tables) == (2 if len(answered) < len(alpha.categories) else 1)


@pytest.fixture(scope="module")
def real():
    return load_valid_catalog(REAL_CATALOG, today=REAL_DATE)


def test_search_previews_a_tool_by_summary_and_status_and_skips_tables(real_site, real):
    docs = {d["location"]: d for d in json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    for tool in real.tools.values():
        entry = docs[f"tools/{tool.id}/"]
        assert entry["title"] == html.text(tool.name)
        assert unescape(entry["text"]).startswith(f"<p>{tool.summary}</p><p>{html.STATUS_LABELS[tool.status]} "), tool.id
    for location in docs:
        assert not location.startswith(("map/", "reach/", "stats/", "maintainers/")), location
        assert not location.endswith(("#facts", "#comparison-answers", "#sources", "#compare-them", "#tools", "#side-by-side")), location
        assert "Data: home stage" not in docs[location]["text"] and "not covered" not in docs[location]["text"], location
    assert docs["guides/stores/#evaluation-store"]["title"] == "Evaluation store"
    labeling = docs["categories/data-labeling/"]
    assert "Also called: data labeling, data annotation" in labeling["text"]


def test_generated_guides_have_contents_and_deep_links(real_site, real):
    stores = BeautifulSoup((real_site / "guides" / "stores" / "index.html").read_text(encoding="utf-8"), "html.parser")
    contents = [a["href"] for a in stores.select_one("nav.md-nav--secondary").select("a.md-nav__link")]
    assert contents == [f"#{s.id}" for s in real.stores]
    for store in real.stores:
        assert stores.select_one(f'h2#{store.id} a.headerlink[href="#{store.id}"]')
    choose = BeautifulSoup((real_site / "guides" / "how-to-choose" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(choose.select_one("nav.md-nav--secondary").select("a.md-nav__link")) == len(real.categories)


def test_logos_are_files_of_the_site_and_sit_beside_the_names(real_site, real):
    with_logo = [t for t in real.tools.values() if t.logo]
    assert len(with_logo) >= 50
    for tool in with_logo:
        svg = real_site / "assets" / "logos" / f"{tool.logo}.svg"
        assert svg.read_text(encoding="utf-8").startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"')
        page = BeautifulSoup((real_site / "tools" / tool.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        img = page.select_one("h1#tool-name img.atlas-logo")
        assert img["src"] == f"../../assets/logos/{tool.logo}.svg" and img["alt"] == ""
        assert page.select_one("h1#tool-name").get_text() == tool.name, "the name is always written out"
    without = next(t for t in real.tools.values() if not t.logo)
    page = BeautifulSoup((real_site / "tools" / without.id / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("h1#tool-name img") is None
    shipped = {p.stem for p in (real_site / "assets" / "logos").glob("*.svg")}
    assert shipped == {t.logo for t in with_logo}, "only the logos the catalog uses are shipped"


@pytest.mark.parametrize("title", ["Rocket 🚀", "𝔐𝔏 Atlas", "Tool \U0001F9EA & <b>", "日本語"])
def test_front_matter_keeps_characters_outside_the_basic_plane(title):
    """Issue 20, class 1: ASCII escapes of astral characters are surrogate pairs YAML cannot read, and MkDocs then
    drops the whole front matter. One writer (page_source) serves every title-bearing page."""
    from html import escape

    import yaml

    from atlas.site import pages
    for macro in ("tool_page", "category_page", "comparison_page", "step_page", "stack_page"):
        source = pages.page_source(macro, "x", title, [title])
        front = yaml.safe_load(source.split("---\n")[1])
        assert front["title"] == escape(title, quote=True), macro
        assert "\\ud8" not in source.lower()
