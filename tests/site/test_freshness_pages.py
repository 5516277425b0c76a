"""Staleness and GitHub facts on the pages: the tool page's repository facts and the "Entries to review" page."""

import copy

import pytest
from bs4 import BeautifulSoup

from atlas.core.repository import Release, RepoFacts
from atlas.site.build import load_valid_catalog
from atlas.site.render.review import entries_to_review
from atlas.site.render.tool import tool_page

from conftest import FIXTURE_DATE, FIXTURES, catalog_with_overlay
from sitecheck import page

TODAY = FIXTURE_DATE
HOSTILE = "<script>alert(1)</script>{{ 7*7 }}"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def github_facts_catalog(tmp_path_factory):
    """The fixture catalog with the valid github-facts overlay (a github.json for alpha-tracker)."""
    return catalog_with_overlay(tmp_path_factory.mktemp("github-facts"), FIXTURES / "valid" / "github-facts")


@pytest.fixture()
def catalog(github_facts_catalog):
    return load_valid_catalog(github_facts_catalog, today=TODAY)


def test_tool_page_shows_stars_and_last_activity(catalog):
    html = soup(tool_page(catalog, catalog.tools["alpha-tracker"], ""))
    row = next(tr for tr in html.select("table.atlas-facts tr") if tr.th.get_text() == "On GitHub")
    assert row.td.get_text() == "12,345 stars · last push 2026-11-20 · latest release v1.2.0 (2026-10-02)"
    assert row.find("time")["datetime"] == "2026-11-20T08:00:00Z"
    assert html.select_one(".atlas-archived") is None
    assert "On GitHub" not in soup(tool_page(catalog, catalog.tools["beta-serve"], "")).get_text()  # no repository, no row


def test_archived_repository_warns_visibly_and_api_text_is_escaped(catalog):
    tool = copy.deepcopy(catalog.tools["alpha-tracker"])
    tool.github = RepoFacts("example/alpha-tracker", full_name=HOSTILE, stars=3, pushed_at=HOSTILE, archived=True,
                            release=Release(HOSTILE, HOSTILE, prerelease=True))
    html = tool_page(catalog, tool, "")
    warning = soup(html).select_one(".admonition.warning.atlas-archived")
    assert "Repository archived on GitHub" in warning.get_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "latest pre-release" in soup(html).get_text()


def test_not_found_repository_is_said_on_the_page(catalog):
    tool = copy.deepcopy(catalog.tools["alpha-tracker"])
    tool.github = RepoFacts("example/alpha-tracker", found=False)
    assert "Repository not found when last checked" in soup(tool_page(catalog, tool, "")).get_text()


def test_review_page_lists_what_needs_review(catalog):
    catalog.tools["beta-serve"].github = RepoFacts("example/beta", full_name="example/beta", archived=True)
    catalog.tools["alpha-tracker"].github = RepoFacts("example/alpha-tracker", found=False)
    html = soup(entries_to_review(catalog, "../"))
    oldest = [tr.td.get_text() for tr in html.select(".atlas-review-oldest tbody tr")]
    assert oldest == sorted(oldest, key=lambda name: catalog.tools[{"Alpha Tracker": "alpha-tracker", "Beta Serve": "beta-serve"}[name]].reviewed)
    unknown = {tr.td.get_text(): tr.find_all("td")[1].get_text() for tr in html.select(".atlas-review-unknown tbody tr")}
    assert unknown["Alpha Tracker"] == "7"  # tracking: sweeps and offline mode; serving (reached into): all five
    assert [tr.td.get_text() for tr in html.select(".atlas-review-archived tbody tr")] == ["Beta Serve"]
    assert [tr.td.get_text() for tr in html.select(".atlas-review-missing tbody tr")] == ["Alpha Tracker"]
    assert html.find("a", string="Beta Serve")["href"] == "../tools/beta-serve/"


def test_review_page_says_so_when_nothing_is_archived(catalog):
    html = soup(entries_to_review(catalog, ""))
    assert "No repository is archived" in html.select_one("p.atlas-review-archived").get_text()


def test_review_page_is_for_maintainers_not_in_the_newcomers_menu(real_site):
    html = page(real_site, "maintainers/review")
    assert html.select_one("h1").get_text().rstrip("¶") == "Entries to review"
    assert html.select(".atlas-review-oldest tbody tr")
    home = page(real_site, "")
    top = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary > ul > li > a")]
    assert "Entries to review" not in top, "a maintainers' page does not sit in the newcomer's menu"
    menu = home.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "Entries to review" not in menu and "For maintainers" not in menu
    contributing = page(real_site, "contributing")
    links = {a.get_text(strip=True): a["href"] for a in contributing.select("#for-maintainers ~ ul a")}
    assert links == {"Entries to review": "../maintainers/review/", "The stack and its deadline": "../maintainers/stack/"}


def test_tool_page_says_where_licence_and_status_come_from(catalog):
    page = soup(tool_page(catalog, catalog.tools["alpha-tracker"], ""))
    facts = {tr.th.get_text(strip=True): tr.td for tr in page.select("table.atlas-facts tr")}
    licence = facts["Licence"].select_one(".atlas-provenance a")
    assert licence["href"] == "https://github.com/example/alpha-tracker/blob/v1.0.0/LICENSE"
    assert licence.get_text() == "LICENSE at v1.0.0"
    assert "Checked against the repository" in facts["Status"].select_one(".atlas-provenance").get_text()
    beta = soup(tool_page(catalog, catalog.tools["beta-serve"], ""))
    status = {tr.th.get_text(strip=True): tr.td for tr in beta.select("table.atlas-facts tr")}["Status"]
    evidence = status.select_one(".atlas-provenance")
    assert evidence.a["href"] == "https://beta.example.org/news/gamma"
    assert evidence.time["datetime"] == "2026-06-01" and "4 months before the review" in evidence.get_text()


def test_review_page_lists_the_oldest_evidence_first(catalog):
    html = soup(entries_to_review(catalog, "../"))
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in html.select(".atlas-review-evidence tbody tr")]
    assert rows and rows[0][0] == "Beta Serve" and rows[0][2] == "2026-06-01"


@pytest.mark.parametrize("url, label", [
    ("https://github.com/o/r/blob/v2.6.0/LICENSE", "LICENSE at v2.6.0"),
    ("https://github.com/o/r/blob/e237475e9910a2d6299d7d2c3d6fc3b9a8f28f0b/LICENSE.txt", "LICENSE.txt at e237475e99"),
    ("https://pypi.org/project/lakefs-sdk/1.87.0/", "lakefs-sdk 1.87.0 on PyPI"),
    ("https://example.org/terms", "source"),
])
def test_source_labels(url, label):
    from atlas.site.render.provenance import source_label
    assert source_label(url) == label
