"""Staleness and GitHub facts: the rules (review ages, catalog/github.json). Their pages: tests/site/test_freshness_pages.py."""

import json

import pytest

from atlas.check.validate import check_catalog
from atlas.site.build import load_valid_catalog

from conftest import FIXTURE_DATE, FIXTURES, catalog_with_overlay

TODAY = FIXTURE_DATE
HOSTILE = "<script>alert(1)</script>{{ 7*7 }}"


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
    inactive = {"status_note": "Kept for the tests.", "status_evidence": '{source: "https://example.org/news", date: 2026-01-01}'}
    write_tool(catalog, license=licence, status=status, **({} if status == "active" else inactive))
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
