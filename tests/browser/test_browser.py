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
    ranks = page.eval_on_selector_all("table.atlas-compare tbody tr", "rows => rows.map(r => r.cells[5].dataset.value)")
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
    expect(page.locator("table.atlas-side-by-side thead a")).to_have_text(["MLflow", "Weights & Biases"])
    assert page.locator("tr.atlas-differs").count() > 0
    page.locator("#atlas-compare-add").fill("Evidently (evidently)")
    page.locator(".atlas-compare-picker button[type=submit]").click()
    expect(page.locator("table.atlas-side-by-side thead a")).to_have_text(["MLflow", "Weights & Biases", "Evidently"])
    assert "tools=mlflow,wandb,evidently" in page.url
    page.locator(".atlas-compare-chosen button[aria-label='Remove MLflow']").click()
    expect(page.locator("table.atlas-side-by-side thead a")).to_have_text(["Weights & Biases", "Evidently"])
    assert visit.errors == []


def test_compare_page_with_only_unknown_ids_explains_instead_of_going_blank(visit):
    page = visit.open("compare/?tools=nope")
    expect(page.locator(".atlas-compare-message")).to_contain_text("Unknown tool id in the address: nope")
    expect(page.locator(".atlas-compare-result")).to_contain_text("Pick two to four tools")


TABLE_TEXT = """t => Array.from(t.querySelectorAll('tr')).map(r => [r.classList.contains('atlas-differs'),
    Array.from(r.cells).map(c => c.innerText.replace(/\\s+/g, ' ').trim())])"""


def test_interactive_comparison_is_the_static_one_for_every_curated_comparison(visit, real_site):
    """One specification, two renderers (Python for static pages, atlas.js for the interactive page): same rows,
    same marks, same cells, for every curated comparison of the real catalog."""
    import yaml

    from conftest import REAL_CATALOG
    curated = yaml.safe_load((REAL_CATALOG / "comparisons.yaml").read_text(encoding="utf-8"))["comparisons"]
    for comparison in curated:
        tools = comparison["tools"][:4]
        if len(tools) < len(comparison["tools"]):
            continue  # the interactive page shows at most four
        static = visit.open(f"compare/{comparison['id']}/").eval_on_selector("table.atlas-side-by-side", TABLE_TEXT)
        page = visit.open("compare/?tools=" + ",".join(tools))
        expect(page.locator("table.atlas-side-by-side")).to_be_visible()
        interactive = page.eval_on_selector("table.atlas-side-by-side", TABLE_TEXT)
        assert interactive == static, comparison["id"]
    assert visit.errors == []


def test_compare_fetches_only_the_index_and_the_chosen_tools(browser, site_url):
    v = Visit(browser, site_url)
    fetched: list[str] = []
    v.page.on("request", lambda r: fetched.append(urlsplit(r.url).path) if "/api/" in r.url else None)
    try:
        page = v.open("compare/?tools=mlflow,wandb")
        expect(page.locator("table.atlas-side-by-side thead a")).to_have_text(["MLflow", "Weights & Biases"])
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
    assert "llm-frameworks" not in classic and "model-monitoring" in classic
    page.locator("input[name=work][value=llm]").check()
    expect(page.locator(".atlas-decide-result li[data-category='llm-frameworks']")).to_be_visible()
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
