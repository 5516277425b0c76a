"""The allow-list: URLs the checker does not request, each with a reason (links-allowlist.yaml).

It is read with the catalog's strict loader and checked against its JSON Schema and the catalog's
URL rule, so a mistake is reported as `path:line:col: CODE message` like any catalog problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from atlas.check.urls import urls
from atlas.core.layout import display
from atlas.core.load import LoadError, load_file
from atlas.core.problems import Problem
from atlas.core.schema import schema_problems

DEFAULT_PATH = Path("links-allowlist.yaml")


@dataclass(frozen=True)
class AllowedUrl:
    url: str
    reason: str
    prefix: bool = False

    def matches(self, url: str) -> bool:
        return url.startswith(self.url) if self.prefix else url == self.url


class AllowlistInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the allow-list")
        self.problems = problems


def load_allowlist(path: Path) -> list[AllowedUrl]:
    """The entries of the file at `path` (none if it does not exist); raise AllowlistInvalid on any problem."""
    if not path.exists():
        return []
    try:
        doc = load_file(path, display(path))
    except LoadError as exc:
        raise AllowlistInvalid([exc.problem]) from None
    problems = schema_problems(doc, "links-allowlist") + list(urls([doc]))
    if problems:
        raise AllowlistInvalid(problems)
    data = doc.data
    assert isinstance(data, dict)  # the schema said so
    return [AllowedUrl(e["url"], e["reason"], e.get("match") == "prefix") for e in data["allow"]]


def allowed_by(entries: list[AllowedUrl], url: str) -> AllowedUrl | None:
    return next((e for e in entries if e.matches(url)), None)


def unused(entries: list[AllowedUrl], checked_urls) -> list[AllowedUrl]:
    """Entries that match none of the URLs: no longer needed, so they should be removed."""
    checked_urls = list(checked_urls)
    return [e for e in entries if not any(e.matches(url) for url in checked_urls)]
