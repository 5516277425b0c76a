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

    def __init__(self, browser, base_url: str):
        self.context = browser.new_context()
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


@pytest.mark.parametrize("path", ["", "categories/model-monitoring/", "tools/mlflow/", "tools/whylabs/",
                                  "learning-path/", "glossary/", "contributing/"])
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
