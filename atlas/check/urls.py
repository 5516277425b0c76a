"""Rule ATL210: every URL field of every file follows the URL policy (atlas/core/urls.py)."""

from __future__ import annotations

from collections.abc import Iterator

from atlas.check.documents import problem_at
from atlas.core.load import Document
from atlas.core.problems import Problem
from atlas.core.urls import url_fields, url_problem


def urls(docs: list[Document]) -> Iterator[Problem]:
    for doc in docs:
        for path, value in url_fields(doc):
            reason = url_problem(value)
            if reason:
                yield problem_at(doc, path, "ATL210", f"URL {value[:80]!r} is not allowed: {reason}",
                               "Use a public https:// address with a host name, e.g. https://example.org/docs.")
