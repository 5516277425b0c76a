"""Dated evidence: status evidence for a project gone quiet (ATL238), and real, past dates (ATL239).

A non-active status needs its evidence by schema. An active one needs it too when GitHub (catalog/github.json)
shows neither a release nor a push in the 18 months before the entry was reviewed: then the entry must say what
the silence means. Evidence and event dates are YYYY-MM-DD, or YYYY-MM when the source gives only the month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from atlas.check.documents import as_list, problem_at, tool_data
from atlas.core.load import Document
from atlas.core.problems import Problem
from atlas.core.repository import RepoFacts, repo_slug

QUIET_MONTHS = 18
_PARTIAL = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def parse_partial_date(value: object) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) of a YYYY-MM-DD or YYYY-MM date that exists in the calendar, else None."""
    match = _PARTIAL.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        dt.date(year, month, int(day) if day else 1)
    except ValueError:
        return None
    return year, month, int(day) if day else None


def months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def dates(tools: list[Document], today: dt.date) -> Iterator[Problem]:
    for doc in tools:
        data = tool_data(doc)
        places: list[tuple[tuple[str | int, ...], object]] = []
        evidence = data.get("status_evidence")
        if isinstance(evidence, dict):
            places.append((("status_evidence", "date"), evidence.get("date")))
        places += [(("events", i, "date"), e.get("date")) for i, e in enumerate(as_list(data.get("events"))) if isinstance(e, dict)]
        for path, value in places:
            if not isinstance(value, str) or not _PARTIAL.fullmatch(value):
                continue  # the schema reports the form
            parsed = parse_partial_date(value)
            if parsed is None:
                yield problem_at(doc, path, "ATL239", f"{value} is not a date in the calendar")
            elif (parsed[0], parsed[1], parsed[2] or 1) > (today.year, today.month, today.day):
                yield problem_at(doc, path, "ATL239", f"{value} is in the future (today is {today.isoformat()})")


def quiet_but_active(tools: list[Document], facts: dict[str, RepoFacts]) -> Iterator[Problem]:
    for doc in tools:
        data = tool_data(doc)
        if data.get("status") != "active" or data.get("status_evidence") is not None:
            continue
        repository = data.get("repository")
        fact = facts.get(repo_slug(repository if isinstance(repository, str) else None) or "")
        reviewed = data.get("reviewed")
        if fact is None or not fact.found or fact.archived or not isinstance(reviewed, str) or not fact.pushed_at:
            continue
        try:
            limit = months_before(dt.date.fromisoformat(reviewed), QUIET_MONTHS).isoformat()
        except ValueError:
            continue
        last = max(d[:10] for d in (fact.pushed_at, fact.release.published_at if fact.release else "") if d)
        if last < limit:
            yield problem_at(doc, ("status",), "ATL238",
                             f"status is active, but GitHub shows no release or push since {last}, more than {QUIET_MONTHS} "
                             f"months before the review ({reviewed})")
