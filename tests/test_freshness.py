"""Staleness and GitHub facts: the rules, the tool page, and the "Entries to review" page."""

import copy
import json

import pytest
from bs4 import BeautifulSoup

from atlas.site.build import load_valid_catalog
from atlas.core.repository import Release, RepoFacts
from atlas.site.render.review import entries_to_review
from atlas.site.render.tool import tool_page
from atlas.check.validate import check_catalog
from conftest import FIXTURE_DATE, FIXTURES, catalog_with_overlay
from sitecheck import page

TODAY = FIXTURE_DATE
HOSTILE = "<script>alert(1)</script>{{ 7*7 }}"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def codes(catalog, today=TODAY):
    # write_tool appends fields at the end, out of `atlas fmt`'s key order: layout (ATL220) is not tested here.
    return [(p.code, p.severity) for p in check_catalog(catalog, today=today, formatting=False).problems]


def write_tool(catalog, **changes):
    """Set top-level fields of the fixture's alpha-tracker entry (replaced in place, or added at the end)."""
    path = catalog / "tools" / "alpha-tracker.yaml"
    lines = path.read_text().splitlines()
    for field, value in changes.items():
        at = next((i for i, line in enumerate(lines) if line.startswith(f"{field}:")), None)
        if at is None:
            lines.append(f"{field}: {value}")
        else:
            lines[at] = f"{field}: {value}"
    path.write_text("\n".join(lines) + "\n")


def write_github(catalog, **record):
    record = {"status": "ok", "full_name": "example/alpha-tracker", "stars": 1, "archived": False, "license": None,
              "pushed_at": None, "release": None, **record}
    (catalog / "github.json").write_text(json.dumps({"repositories": {"example/alpha-tracker": record}}))


@pytest.mark.parametrize("reviewed,expected", [
    ("2025-11-26", []),                               # exactly 12 months: not older
    ("2025-11-25", [("ATL216", "warning")]),
    ("2024-11-26", [("ATL216", "warning")]),          # exactly 24 months: only the warning
    ("2024-11-25", [("ATL217", "error")]),
])
def test_review_age_limits(tmp_path, reviewed, expected):
    catalog = catalog_with_overlay(tmp_path, None)
    write_tool(catalog, reviewed=reviewed)
    assert codes(catalog) == expected


def test_stale_review_is_a_warning_that_does_not_fail_the_check(tmp_path):
    catalog = catalog_with_overlay(tmp_path, FIXTURES / "invalid" / "ATL216-reviewed-over-a-year-ago")
    checked = check_catalog(catalog, today=TODAY)
    assert checked.problems and checked.errors == []
    load_valid_catalog(catalog, today=TODAY)  # the build goes on


@pytest.mark.parametrize("licence,github_licence,status,archived,expected", [
    ("Apache-2.0 AND MIT", "MIT", "active", False, []),                     # GitHub's id is part of the expression
    ("apache-2.0", "Apache-2.0", "active", False, []),                      # case does not matter
    ("Apache-2.0", "OTHER", "active", False, []),                           # GitHub could not tell
    ("Apache-2.0", "GPL-3.0", "active", False, [("ATL214", "warning")]),
    ("Apache-2.0", None, "maintenance", True, [("ATL215", "error")]),
    ("Apache-2.0", None, "archived", True, []),
])
def test_github_rules(tmp_path, licence, github_licence, status, archived, expected):
    catalog = catalog_with_overlay(tmp_path, None)
    write_tool(catalog, license=licence, status=status, **({} if status == "active" else {"status_note": "Kept for the tests."}))
    write_github(catalog, license=github_licence, archived=archived)
    assert codes(catalog) == expected


def test_moved_repository_is_reported_with_the_new_address(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    write_github(catalog, full_name="new-owner/alpha-tracker")
    (problem,) = check_catalog(catalog, today=TODAY).problems
    assert (problem.code, problem.severity) == ("ATL218", "warning")
    assert problem.hint == "Set `repository: https://github.com/new-owner/alpha-tracker`."


def test_unreadable_github_file_is_reported_not_fatal(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    (catalog / "github.json").write_text("{")
    (problem,) = check_catalog(catalog, today=TODAY).problems
    assert problem.code == "ATL001" and problem.path.endswith("github.json")


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


def test_review_page_is_in_the_built_site_before_contributing(real_site):
    html = page(real_site, "review")
    assert html.select_one("h1").get_text().rstrip("¶") == "Entries to review"
    assert html.select(".atlas-review-oldest tbody tr")
    nav = [a.get_text(strip=True) for a in page(real_site, "").select("nav.md-nav--primary > ul > li > a")]
    assert nav.index("Entries to review") == nav.index("Contributing") - 1
