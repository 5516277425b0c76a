"""What GitHub says about the catalog's repositories: `catalog/github.json`, written by `python -m atlas enrich`.

The file is generated, optional and kept apart from the hand-written entries: the build and
`atlas check` work without it, and read it (never the network) when it is there. Its text is
stable (sorted keys, no run timestamps) so a refresh that changes nothing changes no line.
Values in it come from the GitHub API and are untrusted: pages escape them like contributed text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FILE_NAME = "github.json"
GENERATED = "by python -m atlas enrich; do not edit by hand"
FIRST_LINE = json.dumps({"_generated": GENERATED})[:-1] + ","
_SLUG = re.compile(r"^https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?(?:[/?#].*)?$", re.IGNORECASE)


class GitHubFileInvalid(Exception):
    """catalog/github.json exists but is not what `atlas enrich` writes."""


@dataclass(frozen=True)
class Release:
    tag: str
    published_at: str
    prerelease: bool = False


@dataclass(frozen=True)
class RepoFacts:
    slug: str                       # owner/name as the catalog writes it, lowercased
    found: bool = True              # False: GitHub answered 404 (renamed without redirect, deleted or made private)
    full_name: str | None = None    # GitHub's current owner/name; differs from `slug` after a rename or transfer
    stars: int | None = None
    pushed_at: str | None = None    # ISO 8601 time of the last push
    archived: bool = False
    license: str | None = None      # GitHub's SPDX id; NOASSERTION or None when it could not tell
    release: Release | None = None  # newest release, a stable one when there is any

    @property
    def moved_to(self) -> str | None:
        if self.found and self.full_name and self.full_name.lower() != self.slug:
            return self.full_name
        return None


def repo_slug(url: str | None) -> str | None:
    """'owner/name' (lowercase) for a github.com repository URL, else None."""
    match = _SLUG.match(url or "")
    return f"{match.group(1)}/{match.group(2)}".lower() if match else None


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """The raw records of the file, keyed by slug ({} when there is no file); raise GitHubFileInvalid."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise GitHubFileInvalid(f"cannot read it as JSON: {exc}") from None
    records = data.get("repositories") if isinstance(data, dict) else None
    if not isinstance(records, dict) or not all(isinstance(r, dict) for r in records.values()):
        raise GitHubFileInvalid("it has no 'repositories' mapping")
    return records


def write_records(path: Path, records: dict[str, dict[str, Any]]) -> bool:
    """Write the file in its stable form; return whether its text changed."""
    body = json.dumps({"repositories": records}, indent=1, sort_keys=True, ensure_ascii=False)
    text = FIRST_LINE + "\n" + body[2:] + "\n"  # body[2:] drops the opening "{\n" that FIRST_LINE replaces
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def load_facts(path: Path) -> dict[str, RepoFacts]:
    """Typed facts by slug; raise GitHubFileInvalid when a record is not of the generated shape."""
    facts = {}
    for slug, record in read_records(path).items():
        try:
            facts[slug] = _facts(slug, record)
        except (KeyError, TypeError, ValueError) as exc:
            raise GitHubFileInvalid(f"the record of {slug!r} is malformed ({type(exc).__name__}: {exc})") from None
    return facts


def _facts(slug: str, record: dict[str, Any]) -> RepoFacts:
    if record["status"] == "not_found":
        return RepoFacts(slug, found=False)
    if record["status"] != "ok":
        raise ValueError(f"unknown status {record['status']!r}")
    release = record.get("release")
    return RepoFacts(
        slug=slug, full_name=_text(record.get("full_name")), stars=_int(record.get("stars")),
        pushed_at=_text(record.get("pushed_at")), archived=record.get("archived") is True, license=_text(record.get("license")),
        release=Release(str(release["tag"]), str(release["published_at"]), release.get("prerelease") is True) if release else None,
    )


def _text(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _int(value: object) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return value
