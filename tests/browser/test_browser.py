"""Real pages of the built site, driven in Debian's headless Chromium through Playwright."""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from conftest import ROOT, build_site
from hostile_corpus import CURATED, INERT, hostile_catalog_at

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium package")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page plus everything it did that a test may want to forbid."""

    def __init__(self, browser, base_url: str, **context_options):
        self.context = browser.new_context(**context_options)
        self.page: Page = self.context.new_page()
        self.base = base_url
        self.errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.context.route("**/*", self._route)

    def _route(self, route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.foreign_requests.append(route.request.url)
            route.abort()

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path, wait_until="networkidle")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def site_url(real_site):
    server = serve(real_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture()
def visit(browser, site_url):
    v = Visit(browser, site_url)
    yield v
    v.close()


PAGE_TYPES = ["", "categories/model-monitoring/", "tools/mlflow/", "tools/whylabs/", "learning-path/", "glossary/",
              "contributing/", "map/", "reach/", "compare/", "compare/?tools=mlflow,wandb", "compare/monitoring-six/",
              "maintainers/review/", "maintainers/stack/", "learning-path/track-experiments/", "decide/", "stacks/", "stacks/solo-practitioner/", "guides/stores/",
              "guides/need-it-yet/", "guides/how-to-choose/"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_renders_without_errors_or_foreign_requests(visit, path):
    page = visit.open(path)
    expect(page.locator("h1").first).to_be_visible()
    assert visit.errors == []
    assert visit.foreign_requests == []


def test_reader_goes_from_home_to_category_to_tool(visit):
    page = visit.open("")
    page.locator(".atlas-stage a", has_text="Experiment tracking").first.click()
    expect(page.locator("h1")).to_have_text("Experiment tracking")
    page.locator(".atlas-cards a", has_text="MLflow").click()
    expect(page.locator("h1#tool-name")).to_have_text("MLflow")
    expect(page.locator("table.atlas-facts")).to_contain_text("Apache-2.0")
    assert visit.errors == []


def test_status_warning_is_visible_on_an_acquired_tool(visit):
    page = visit.open("tools/whylabs/")
    expect(page.locator(".atlas-status")).to_be_visible()
    expect(page.locator(".atlas-status")).to_contain_text("Acquired by Apple")


def test_light_dark_toggle_switches_scheme(visit):
    page = visit.open("")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)


def test_search_finds_a_tool_by_name(visit):
    page = visit.open("")
    page.keyboard.press("/")  # the theme's search shortcut
    expect(page.locator(".md-search__input")).to_be_focused()
    page.locator(".md-search__input").press_sequentially("Evidently", delay=20)  # the theme searches on key events
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    expect(results.first).to_contain_text("Evidently")
    assert visit.foreign_requests == []


def test_contributed_markup_does_not_run(browser, fixture_site):
    server = serve(fixture_site)
    v = Visit(browser, f"http://127.0.0.1:{server.server_address[1]}/")
    try:
        page = v.open("tools/zeta/")
        expect(page.locator(".atlas-description")).to_contain_text("{{ 7*7 }}")
        expect(page.locator(".atlas-description")).to_contain_text("<b>Text</b>")
        assert page.locator(".atlas-description b").count() == 0
        assert v.dialogs == [] and v.errors == [] and v.foreign_requests == []
    finally:
        v.close()
        server.shutdown()


# ---- comparison views ---------------------------------------------------------------------------

def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("table.atlas-compare tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)")


def test_category_table_sorts_by_a_criterion(visit):
    page = visit.open("categories/model-monitoring/")
    before = visible_ids(page)
    header = page.locator('th[data-key="drift-detection"] button')
    header.click()
    expect(page.locator('th[data-key="drift-detection"]')).to_have_attribute("aria-sort", "descending")
    column = page.eval_on_selector_all("table.atlas-compare thead th", "ths => ths.findIndex(th => th.dataset.key === 'drift-detection')")
    ranks = page.eval_on_selector_all("table.atlas-compare tbody tr", f"rows => rows.map(r => r.cells[{column}].dataset.value)")
    assert ranks == sorted(ranks, reverse=True)
    page.locator('th[data-key="name"] button').click()
    names = page.eval_on_selector_all("table.atlas-compare tbody tr", "rows => rows.map(r => r.cells[0].dataset.value)")
    assert names == sorted(names)
    assert sorted(visible_ids(page)) == sorted(before)
    assert visit.errors == []


def test_category_table_filters_and_keeps_state_in_the_url(visit):
    page = visit.open("categories/model-monitoring/")
    everything = visible_ids(page)
    page.locator(".atlas-table-controls input[name=oss]").check()
    only_open = visible_ids(page)
    assert 0 < len(only_open) < len(everything)
    assert all(page.locator(f'tr[data-id="{t}"]').get_attribute("data-oss") == "1" for t in only_open)
    page.locator(".atlas-table-controls input[name=q]").fill("evidently")
    expect(page.locator(".atlas-table-count")).to_have_text(f"Showing 1 of {len(everything)} tools.")
    assert visible_ids(page) == ["evidently"]
    assert "filter=evidently" in page.url and "oss=1" in page.url
    page.reload(wait_until="networkidle")
    assert visible_ids(page) == ["evidently"]
    expect(page.locator(".atlas-table-controls input[name=q]")).to_have_value("evidently")
    expect(page.locator(".atlas-table-controls input[name=oss]")).to_be_checked()
    page.locator(".atlas-table-controls button[type=reset]").click()
    expect(page.locator(".atlas-table-count")).to_have_text(f"Showing {len(everything)} of {len(everything)} tools.")
    assert "filter=" not in page.url
    assert visit.errors == []


def test_criterion_help_appears_on_focus(visit):
    page = visit.open("categories/model-monitoring/")
    tip = page.locator('th[data-key="performance-estimation"] [role=tooltip]')
    expect(tip).to_be_hidden()
    page.locator('th[data-key="performance-estimation"] button').focus()
    expect(tip).to_be_visible()


def test_compare_page_renders_the_tools_in_its_url_and_reports_unknown_ids(visit):
    page = visit.open("compare/?tools=mlflow,no-such-tool,wandb")
    expect(page.locator(".atlas-compare-message")).to_contain_text("no-such-tool")
    expect(page.locator("table.atlas-side-by-side").first.locator("thead a")).to_have_text(["MLflow", "Weights & Biases"])
    assert page.locator("tr.atlas-differs").count() > 0
    page.locator("#atlas-compare-add").fill("Evidently (evidently)")
    page.locator(".atlas-compare-picker button[type=submit]").click()
    expect(page.locator("table.atlas-side-by-side").first.locator("thead a")).to_have_text(["MLflow", "Weights & Biases", "Evidently"])
    assert "tools=mlflow,wandb,evidently" in page.url
    page.locator(".atlas-compare-chosen button[aria-label='Remove MLflow']").click()
    expect(page.locator("table.atlas-side-by-side").first.locator("thead a")).to_have_text(["Weights & Biases", "Evidently"])
    assert visit.errors == []


def test_compare_page_with_only_unknown_ids_explains_instead_of_going_blank(visit):
    page = visit.open("compare/?tools=nope")
    expect(page.locator(".atlas-compare-message")).to_contain_text("Unknown tool id in the address: nope")
    expect(page.locator(".atlas-compare-result")).to_contain_text("Pick two to four tools")


TABLE_TEXT = """t => Array.from(t.querySelectorAll('tr')).map(r => [r.classList.contains('atlas-differs'),
    Array.from(r.cells).map(c => c.textContent.replace(/\\s+/g, ' ').trim())])"""
# Every table of a comparison (the main one and the folded categories), with the folded section's label.
TABLES_TEXT = f"""box => [Array.from(box.querySelectorAll('table.atlas-side-by-side')).map({TABLE_TEXT}),
    Array.from(box.querySelectorAll('details > summary')).map(s => s.textContent)]"""


def test_interactive_comparison_is_the_static_one_for_every_curated_comparison(visit, real_site):
    """One specification, two renderers (Python for static pages, atlas.js for the interactive page): same rows,
    same marks, same cells, for every curated comparison of the real catalog."""
    import yaml

    from conftest import REAL_CATALOG
    curated = yaml.safe_load((REAL_CATALOG / "comparisons.yaml").read_text(encoding="utf-8"))["comparisons"]
    folded = 0
    for comparison in curated:
        tools = comparison["tools"][:4]
        if len(tools) < len(comparison["tools"]):
            continue  # the interactive page shows at most four
        static = visit.open(f"compare/{comparison['id']}/").eval_on_selector("article", TABLES_TEXT)
        page = visit.open("compare/?tools=" + ",".join(tools))
        expect(page.locator("table.atlas-side-by-side").first).to_be_visible()
        interactive = page.eval_on_selector(".atlas-compare-result", TABLES_TEXT)
        assert interactive == static, comparison["id"]
        folded += bool(static[1])
    assert folded, "at least one curated comparison folds a category, so the folded part is compared too"
    assert visit.errors == []


def test_compare_fetches_only_the_index_and_the_chosen_tools(browser, site_url):
    v = Visit(browser, site_url)
    fetched: list[str] = []
    v.page.on("request", lambda r: fetched.append(urlsplit(r.url).path) if "/api/" in r.url else None)
    try:
        page = v.open("compare/?tools=mlflow,wandb")
        expect(page.locator("table.atlas-side-by-side").first.locator("thead a")).to_have_text(["MLflow", "Weights & Biases"])
        assert sorted(fetched) == ["/api/compare.json", "/api/compare/mlflow.json", "/api/compare/wandb.json"]
    finally:
        v.close()


def test_compare_lookups_are_not_fooled_by_object_property_names(visit):
    page = visit.open("compare/?tools=__proto__,constructor,mlflow,toString")
    expect(page.locator(".atlas-compare-message")).to_contain_text("__proto__")
    page.locator("#atlas-compare-add").fill("constructor")
    page.locator(".atlas-compare-picker button[type=submit]").click()
    expect(page.locator(".atlas-compare-message")).to_contain_text("No tool called")
    assert visit.errors == []


# Adds up layout-shift entries as Chrome reports them (the cumulative layout shift of Web Vitals).
SHIFT_RECORDER = """window.__atlasShift = 0; new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.__atlasShift += e.value; });
}).observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.parametrize("path, ready", [("compare/?tools=mlflow,wandb,clearml", "table.atlas-side-by-side"),
                                         ("compare/", ".atlas-compare-result p")])
def test_compare_page_does_not_jump_when_the_catalog_arrives(browser, site_url, path, ready):
    """The table is filled in after api/catalog.json loads; room is reserved before the first paint.
    Web Vitals call a layout shift under 0.1 good; Lighthouse measured 0.5 before the room was reserved."""
    v = Visit(browser, site_url, viewport={"width": 412, "height": 823})
    try:
        v.context.add_init_script(SHIFT_RECORDER)
        page = v.open(path)
        expect(page.locator(ready)).to_be_visible()
        page.wait_for_timeout(200)  # let the observer deliver the last entries
        assert page.evaluate("window.__atlasShift") < 0.1
        assert v.errors == []
    finally:
        v.close()


def test_map_chips_lead_to_their_tool_pages(visit):
    page = visit.open("map/")
    chips = page.locator("a.atlas-chip")
    assert chips.count() > 20
    name = chips.nth(3).evaluate("a => a.firstChild.textContent")
    chips.nth(3).click()
    expect(page.locator("h1#tool-name")).to_have_text(name)


def test_reach_matrix_filters_by_stage(visit):
    page = visit.open("reach/")
    total = page.locator("table.atlas-reach-matrix tbody tr:visible").count()
    page.locator("select[name=stage]").select_option("llm-apps")
    shown = page.locator("table.atlas-reach-matrix tbody tr:visible")
    assert 0 < shown.count() < total
    assert "stage=llm-apps" in page.url
    page.reload(wait_until="networkidle")
    expect(page.locator("select[name=stage]")).to_have_value("llm-apps")
    assert visit.errors == []


# ---- hostile entries in a real browser ----------------------------------------------------------

def test_hostile_entries_never_run_and_never_call_out(browser, tmp_path_factory):
    """Every page type of a site built with the accepted hostile corpus: no dialog, no script from the
    entries, no request to another host, no console error; then search for the payloads."""
    catalog = hostile_catalog_at(tmp_path_factory.mktemp("hostile-browser"))
    site = catalog.parent / "site"
    build_site(catalog, site)
    server = serve(site)
    v = Visit(browser, f"http://127.0.0.1:{server.server_address[1]}/")
    ids = [c["file"].removesuffix(".yaml") for c in INERT]
    paths = ["", "categories/tracking/", "categories/serving/", "map/", "reach/", "glossary/", "learning-path/",
             f"compare/{CURATED['id']}/", "compare/?tools=" + ",".join(ids[:4]), "compare/?tools=" + ",".join(ids[4:8])]
    paths += [f"tools/{i}/" for i in ids]
    try:
        for path in paths:
            page = v.open(path)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
        page = v.open("")
        page.keyboard.press("/")
        page.locator(".md-search__input").press_sequentially("script", delay=10)
        page.wait_for_timeout(1500)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert v.dialogs == [] and v.foreign_requests == [] and v.errors == []
    finally:
        v.close()
        server.shutdown()


# ---- learning path, glossary tooltips, decision helper ------------------------------------------

def test_learning_progress_survives_a_reload_and_shows_on_the_overview(visit):
    page = visit.open("learning-path/track-experiments/")
    box = page.locator("input[data-atlas-step='track-experiments']")
    expect(box).to_be_visible()
    box.check()
    page = visit.open("learning-path/")
    expect(page.locator("input[data-atlas-step='track-experiments']")).to_be_checked()
    total = page.locator("input[data-atlas-step]").count()
    expect(page.locator(".atlas-progress-text")).to_have_text(f"1 of {total} steps done")
    page.reload(wait_until="networkidle")
    expect(page.locator(".atlas-progress-text")).to_have_text(f"1 of {total} steps done")
    page.locator("input[data-atlas-step='track-experiments']").uncheck()
    expect(page.locator(".atlas-progress-text")).to_have_text(f"0 of {total} steps done")
    assert visit.errors == [] and visit.foreign_requests == []


def test_glossary_tooltip_appears_on_focus(visit):
    page = visit.open("categories/model-monitoring/")
    term = page.locator("abbr.atlas-term").first
    tooltip = "el => getComputedStyle(el, '::after').content"
    assert term.evaluate(tooltip) in ("none", "normal", "")
    term.focus()
    shown = term.evaluate(tooltip)
    assert shown.strip('"') == term.get_attribute("data-definition")


def test_decision_helper_answers_change_the_suggestions(visit):
    page = visit.open("decide/")
    result = page.locator(".atlas-decide-result li[data-category]")
    expect(result.first).to_be_visible()
    classic = page.eval_on_selector_all(".atlas-decide-result li[data-category]", "els => els.map(e => e.dataset.category)")
    assert "llm-frameworks" not in classic and "ml-security" not in classic and "model-monitoring" in classic
    page.locator("input[name=work][value=llm]").check()
    expect(page.locator(".atlas-decide-result li[data-category='llm-frameworks']")).to_be_visible()
    expect(page.locator(".atlas-decide-result li[data-category='llm-fine-tuning']")).to_be_visible()
    expect(page.locator(".atlas-decide-result li[data-category='ml-security']")).to_be_visible()
    page.locator("input[name=data][value=large]").check()
    expect(page.locator(".atlas-decide-result li[data-category='distributed-compute']")).to_be_visible()
    tools = page.eval_on_selector_all(".atlas-decide-result li[data-tool]", "els => els.map(e => e.dataset.tool)")
    page.locator("input[name=kubernetes][value=yes]").check()
    page.locator("input[name=budget][value=paid]").check()
    page.locator("input[name=team][value=enterprise]").check()
    after = page.eval_on_selector_all(".atlas-decide-result li[data-tool]", "els => els.map(e => e.dataset.tool)")
    assert after != tools
    page.locator(".atlas-decide-result li[data-tool] a").first.click()
    expect(page.locator("h1#tool-name")).to_be_visible()
    assert visit.errors == [] and visit.foreign_requests == []


# ---- page quality over every page type ------------------------------------------------------------

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_fits_a_375_pixel_phone_without_horizontal_scrolling(browser, site_url, path):
    v = Visit(browser, site_url, viewport={"width": 375, "height": 800})
    try:
        page = v.open(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    finally:
        v.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_has_no_serious_accessibility_violation(visit, path):
    assert AXE.exists(), "axe-core is missing: run `make test` (npm ci)"
    page = visit.open(path)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    assert violations == []


def test_search_finds_a_tool_by_a_word_of_its_description(visit):
    page = visit.open("")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("whylogs profiles", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    assert any("WhyLabs" in t or "whylogs" in t for t in results.all_inner_texts())


# ---- the front door (issue 17) ---------------------------------------------------------------------

def _bottom_of(page, selector: str) -> float:
    return page.eval_on_selector_all(selector, "els => Math.max(...els.map(e => e.getBoundingClientRect().bottom + window.scrollY))")


@pytest.mark.parametrize("width,height,screens", [(1366, 768, 1), (375, 667, 2)])
def test_home_shows_every_way_in_within_the_first_screens(browser, site_url, width, height, screens):
    v = Visit(browser, site_url, viewport={"width": width, "height": height})
    try:
        page = v.open("")
        doors = page.locator("ul.atlas-doors a.atlas-door")
        assert doors.count() == 7
        for i in range(doors.count()):
            expect(doors.nth(i)).to_be_visible()
        assert _bottom_of(page, "ul.atlas-doors a.atlas-door, #atlas-picker-select, .atlas-search-button") <= screens * height
        hrefs = page.eval_on_selector_all("ul.atlas-doors a", "as => as.map(a => a.getAttribute('href'))")
        assert {"guides/need-it-yet/", "compare/", "learning-path/", "map/", "stacks/", "decide/"} <= set(hrefs)
    finally:
        v.close()


def test_home_picker_and_search_door_lead_to_the_answer(visit):
    page = visit.open("")
    page.select_option("#atlas-picker-select", label="Feature stores")
    page.locator("form[data-atlas-picker] button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Feature stores")
    page = visit.open("")
    page.locator("label.atlas-search-button").click()
    expect(page.locator(".md-search__input")).to_be_focused()
    assert visit.errors == []


def search(page, query: str):
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(query, delay=15)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    return results


@pytest.mark.parametrize("query,first_title", [("feature store", "Feature stores"), ("vllm", "vLLM"), ("drift", None),
                                               ("data annotation", "Data labelling")])
def test_search_result_previews_the_summary_not_page_furniture(visit, query, first_title):
    page = visit.open("")
    results = search(page, query)
    first = results.first
    if first_title:
        expect(first.locator("h1, h2").first).to_have_text(first_title)
    for text in results.all_inner_texts()[:5]:
        assert "home stage" not in text and "not covered" not in text, text
        assert "Homepagehttps" not in text and "CriterionAnswerNote" not in text, text


def test_search_for_a_store_finds_its_section_of_the_stores_guide(visit):
    page = visit.open("")
    results = search(page, "evaluation store")
    expect(results.first.locator("a[href*='guides/stores/'][href$='#evaluation-store']")).to_have_count(1)


def test_tick_boxes_choose_what_compare_side_by_side_shows(visit):
    page = visit.open("categories/model-monitoring/")
    link = page.locator("a[data-atlas-compare-link]")
    rows = visible_ids(page)
    assert link.get_attribute("href").endswith("compare/?tools=" + ",".join(rows[:4]))
    page.locator('tr[data-id="whylabs"] input.atlas-pick').check()
    page.locator('tr[data-id="arize"] input.atlas-pick').check()
    in_table_order = [t for t in rows if t in ("whylabs", "arize")]
    expect(link).to_have_attribute("href", "../../compare/?tools=" + ",".join(in_table_order))
    for tool in [t for t in rows if t not in ("whylabs", "arize")][:2]:
        page.locator(f'tr[data-id="{tool}"] input.atlas-pick').check()
    unticked = page.locator("input.atlas-pick:not(:checked)")
    assert unticked.count() > 0 and all(unticked.nth(i).is_disabled() for i in range(unticked.count()))
    page.locator("input.atlas-pick:checked").first.uncheck()
    assert not page.locator("input.atlas-pick:not(:checked)").first.is_disabled()
    page.locator("a[data-atlas-compare-link]").click()
    expect(page.locator("table.atlas-side-by-side").first.locator("thead th")).to_have_count(3)
    assert visit.errors == []


def test_compare_link_follows_the_filters_when_nothing_is_ticked(visit):
    page = visit.open("categories/model-monitoring/")
    page.locator(".atlas-table-controls input[name=selffree]").check()
    shown = visible_ids(page)
    assert shown and all(page.locator(f'tr[data-id="{t}"]').get_attribute("data-selffree") == "1" for t in shown)
    expect(page.locator("a[data-atlas-compare-link]")).to_have_attribute("href", "../../compare/?tools=" + ",".join(shown[:4]))


WIDE_PAGES = ["categories/model-monitoring/", "compare/monitoring-six/", "guides/need-it-yet/", "stacks/solo-practitioner/"]


@pytest.mark.parametrize("path", WIDE_PAGES)
def test_on_a_phone_the_row_names_stay_in_view_while_a_table_scrolls(browser, site_url, path):
    v = Visit(browser, site_url, viewport={"width": 375, "height": 667})
    try:
        page = v.open(path)
        box = page.locator(".atlas-scroll").first
        name = box.locator("tbody th[scope=row]").first
        before = name.bounding_box()
        box.evaluate("b => { b.scrollLeft = 400; }")
        page.wait_for_timeout(50)
        after = name.bounding_box()
        scrolled = box.evaluate("b => b.scrollLeft")
        if scrolled:
            assert abs(after["x"] - before["x"]) < 2, f"{path}: the name column scrolled away"
        assert before["width"] <= 375 / 2, f"{path}: the name column takes over half the screen"
    finally:
        v.close()


BROKEN_WORDS = """root => {
    const broken = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, re = /[A-Za-z][A-Za-z&]{3,}/g;
        let m;
        while ((m = re.exec(node.data))) {
            const range = document.createRange();
            range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
            const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(m[0]);
        }
    }
    return broken;
}"""


@pytest.mark.parametrize("path", WIDE_PAGES)
def test_on_a_phone_no_table_breaks_a_word_in_two(browser, site_url, path):
    v = Visit(browser, site_url, viewport={"width": 375, "height": 667})
    try:
        page = v.open(path)
        assert page.eval_on_selector("article table", BROKEN_WORDS) == []
    finally:
        v.close()


def test_reach_matrix_header_leaves_the_phone_screen_for_the_matrix(browser, site_url):
    v = Visit(browser, site_url, viewport={"width": 375, "height": 667})
    try:
        page = v.open("reach/")
        height = page.eval_on_selector("table.atlas-reach-matrix thead", "t => t.getBoundingClientRect().height")
        assert height <= 667 / 3, f"the reach matrix header is {height}px high"
        total = page.locator("table.atlas-reach-matrix tbody tr").count()
        expect(page.locator(".atlas-reach-count")).to_have_text(f"{total} tools")
        page.select_option(".atlas-reach-controls select[name=stage]", index=1)
        shown = page.locator("table.atlas-reach-matrix tbody tr:not([hidden])").count()
        expect(page.locator(".atlas-reach-count")).to_have_text(f"{shown} of {total} tools reach this stage")
    finally:
        v.close()


def test_backticks_in_a_learning_step_show_as_code(visit):
    page = visit.open("learning-path/reproducible-code-and-data/")
    expect(page.locator("article code", has_text="git checkout")).to_be_visible()
    assert "`" not in page.locator("article").inner_text()


@pytest.mark.parametrize("path", ["map/", "tools/mlflow/", "categories/experiment-tracking/"])
def test_logos_load_from_the_site_itself(visit, path):
    page = visit.open(path)
    images = page.locator("img.atlas-logo")
    assert images.count() > 0
    images.first.scroll_into_view_if_needed()
    expect(images.first).to_be_visible()
    page.wait_for_function("() => [...document.querySelectorAll('img.atlas-logo')].filter(i => i.getBoundingClientRect().top < innerHeight).every(i => i.complete && i.naturalWidth > 0)")
    assert visit.foreign_requests == [] and visit.errors == []


def test_decision_helper_free_means_an_open_source_licence(visit):
    page = visit.open("decide/")
    page.locator("input[name=budget][value=free]").check()
    expect(page.locator(".atlas-decide-result li[data-tool]").first).to_be_visible()
    suggested = page.eval_on_selector_all(".atlas-decide-result li[data-tool]", "els => els.map(e => e.dataset.tool)")
    kinds = page.evaluate("fetch('../api/catalog.json').then(r => r.json()).then(d => Object.fromEntries(d.tools.map(t => [t.id, t.license_kind])))")
    assert suggested and all(kinds[t] == "open-source" for t in suggested), [t for t in suggested if kinds[t] != "open-source"]


# What a reader types, and the page that must come first (a page; for a guide's section, the page that holds it).
RANKED_FIRST = [
    ("feature store", "categories/feature-store/"), ("vllm", "tools/vllm/"), ("data annotation", "categories/data-labeling/"),
    ("evaluation store", "guides/stores/"), ("metadata store", "guides/stores/"), ("model store", "categories/model-registry/"),
    ("model registry", "categories/model-registry/"), ("mlflow", "tools/mlflow/"), ("drift", "categories/model-monitoring/"),
    ("experiment tracking", "categories/experiment-tracking/"), ("vector database", "categories/vector-database/"),
    ("weights & biases", "tools/wandb/"), ("langchain", "tools/langchain/"), ("airflow", "tools/apache-airflow/"),
    ("fine-tuning", "categories/llm-fine-tuning/"), ("guardrails", "categories/ml-security/"), ("kserve", "tools/kserve/"),
    ("feast", "tools/feast/"), ("ollama", "tools/ollama/"), ("starter stack", "stacks/"), ("learning path", "learning-path/"),
    ("ray", "tools/ray/"), ("dvc", "tools/dvc/"), ("gpu", "categories/gpu-compute/"), ("self-host", "glossary/"),
]


def test_search_ranks_the_named_page_first(visit):
    page = visit.open("")
    misses = []
    for query, wanted in RANKED_FIRST:
        page.goto(visit.base, wait_until="networkidle")
        search(page, query)
        page.wait_for_timeout(200)  # the ranking runs when the theme has drawn the results
        first = page.eval_on_selector(".md-search-result__item > a", "a => new URL(a.href).pathname")
        if first != "/" + wanted:
            misses.append((query, first))
    assert misses == []
    assert visit.errors == []
