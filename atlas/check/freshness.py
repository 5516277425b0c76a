"""Freshness: how old each review is (ATL211, ATL216, ATL217), and what GitHub says about the repository.

The GitHub rules (ATL214, ATL215, ATL218) read only the generated catalog/github.json, never the network,
so `atlas check` stays offline. With no file, or no record for a repository, they say nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from atlas.check.documents import problem_at, tool_data
from atlas.core.load import Document
from atlas.core.model import LIVE_STATUSES
from atlas.core.problems import Problem
from atlas.core.repository import RepoFacts, repo_slug

# GitHub's answers that mean "could not tell": never a disagreement.
UNDETERMINED_LICENSES = frozenset({"NOASSERTION", "OTHER"})
_OPERATORS = frozenset({"AND", "OR", "WITH"})


def github_problems(tools: list[Document], facts: dict[str, RepoFacts]) -> Iterator[Problem]:
    for doc in tools:
        data = tool_data(doc)
        repository = data.get("repository")
        fact = facts.get(repo_slug(repository if isinstance(repository, str) else None) or "")
        if fact is None:
            continue
        if not fact.found:
            yield problem_at(doc, ("repository",), "ATL218", f"GitHub answers 404 for {fact.slug}: renamed, deleted or made private",
                             severity="warning")
            continue
        if fact.moved_to:
            yield problem_at(doc, ("repository",), "ATL218", f"GitHub redirects {fact.slug} to {fact.moved_to}",
                             f"Set `repository: https://github.com/{fact.moved_to}`.", severity="warning")
        licence = data.get("license")
        if isinstance(licence, str) and _licence_disagrees(licence, fact.license, data.get("license_note")):
            yield problem_at(doc, ("license",), "ATL214", f"license is {licence} but GitHub detects {fact.license} in {fact.slug}",
                             severity="warning")
        status = data.get("status")
        if fact.archived and status in LIVE_STATUSES:
            yield problem_at(doc, ("status",), "ATL215", f"status is {status} but GitHub says {fact.slug} is archived (read-only)")


def _licence_disagrees(ours: str, detected: str | None, note: object) -> bool:
    """GitHub detects a licence that is not part of ours, and `license_note` does not explain it by naming it."""
    if not detected or detected.upper() in UNDETERMINED_LICENSES:
        return False
    if detected.upper() in {part.upper() for part in ours.split() if part not in _OPERATORS}:
        return False
    return not (isinstance(note, str) and detected.casefold() in note.casefold())


# (years, code, severity): an entry reviewed longer ago than this is stale; the longest limit is checked first.
REVIEW_AGE_LIMITS = ((2, "ATL217", "error"), (1, "ATL216", "warning"))


def reviewed_dates(tools: list[Document], today: dt.date) -> Iterator[Problem]:
    for doc in tools:
        value = tool_data(doc).get("reviewed")
        try:
            reviewed = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            continue  # the schema reports the malformed date
        if reviewed is None:
            continue
        if reviewed > today:
            yield problem_at(doc, ("reviewed",), "ATL211", f"reviewed date {value} is in the future",
                           f"Use the date you checked the entry (today is {today.isoformat()}).")
            continue
        for years, code, severity in REVIEW_AGE_LIMITS:
            if reviewed < years_before(today, years):
                yield problem_at(doc, ("reviewed",), code, f"reviewed {value}, more than {12 * years} months ago",
                               "Check every field against its sources again, then set `reviewed` to today's date.",
                               severity=severity)
                break


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
