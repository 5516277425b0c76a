"""Where facts come from: weak kinds of source (ATL235), and the licence's own evidence (ATL236, ATL237).

A reader trusts the Atlas because every claim has a source a careful reader accepts. catalog/weak-sources.yaml
lists the weak kinds (aggregators, mirrors, preview hosts, AI-assistant instruction files), each with its reason;
forks of an entry's own repository are found here without a pattern. A licence is read from the LICENSE file at a
tag or commit, because a branch can change under the claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from atlas.check.documents import items, problem_at, tool_data
from atlas.core.load import Document
from atlas.core.problems import Problem
from atlas.core.urls import url_fields

_GITHUB = re.compile(r"^https://(?:github\.com|raw\.githubusercontent\.com)/([^/]+)/([^/#?]+)", re.IGNORECASE)
_NOT_AN_OWNER = frozenset({"orgs", "users", "sponsors", "topics", "marketplace", "features", "apps", "settings"})
# A pinned reference: a commit (7 to 40 hex digits) or a version-like tag (it has a digit), never a branch name.
_BRANCHES = frozenset({"main", "master", "develop", "dev", "trunk", "head", "gh-pages", "stable", "latest", "next"})
_GITHUB_FILE = re.compile(r"^https://github\.com/[^/]+/[^/]+/(?:blob|raw|tree)/([^/]+)/(\S+)$|"
                          r"^https://raw\.githubusercontent\.com/[^/]+/[^/]+/(?:refs/(?:heads|tags)/)?([^/]+)/(\S+)$", re.IGNORECASE)
_VERSIONED_PACKAGE = re.compile(r"^https://(?:pypi\.org/project/[^/]+/[^/]*\d[^/]*/?"
                                r"|(?:www\.)?npmjs\.com/package/(?:@[^/]+/)?[^/]+/v/[^/]*\d[^/]*"
                                r"|crates\.io/crates/[^/]+/[^/]*\d[^/]*"
                                r"|rubygems\.org/gems/[^/]+/versions/[^/]*\d[^/]*"
                                r"|pkg\.go\.dev/[^@]+@v[^/]*\d[^/]*)", re.IGNORECASE)


@dataclass(frozen=True)
class WeakKind:
    pattern: re.Pattern[str]
    kind: str
    reason: str


def weak_kinds(policy: Document | None) -> list[WeakKind]:
    """The patterns of catalog/weak-sources.yaml (those that compile: the schema and rule ATL235's own check see to the rest)."""
    kinds = []
    for _, entry in items(policy, "weak"):
        pattern, kind, reason = entry.get("pattern"), entry.get("kind"), entry.get("reason")
        if isinstance(pattern, str) and isinstance(kind, str) and isinstance(reason, str):
            try:
                kinds.append(WeakKind(re.compile(pattern), kind, reason))
            except re.error:
                continue
    return kinds


def weak_sources(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    policy = shared.get("weak-sources")
    if policy is not None:
        yield from _broken_patterns(policy)
    kinds = weak_kinds(policy)
    for doc in [*(d for k, d in shared.items() if k != "weak-sources"), *tools]:
        own = _repository_name(tool_data(doc).get("repository")) if doc in tools else None
        for path, url in url_fields(doc):
            if path == ("repository",):
                continue
            found = next((k for k in kinds if k.pattern.search(url)), None)
            if found is not None:
                yield problem_at(doc, path, "ATL235", f"weak source ({found.kind}): {url[:100]}: {found.reason}")
            elif own is not None and _is_fork(url, own):
                yield problem_at(doc, path, "ATL235", f"weak source (fork): {url[:100]} is a copy of {own[0]}/{own[1]} under "
                                 "another owner", "Cite the project's own repository (the one in `repository`).")


def _broken_patterns(policy: Document) -> Iterator[Problem]:
    for i, entry in items(policy, "weak"):
        pattern = entry.get("pattern")
        if isinstance(pattern, str):
            try:
                re.compile(pattern)
            except re.error as exc:
                yield problem_at(policy, ("weak", i, "pattern"), "ATL235", f"the pattern does not compile: {exc}",
                                 "Write a Python regular expression; escape dots as \\.")


def _repository_name(repository: object) -> tuple[str, str] | None:
    match = _GITHUB.match(repository) if isinstance(repository, str) else None
    return (match.group(1).lower(), match.group(2).lower().removesuffix(".git")) if match else None


def _is_fork(url: str, own: tuple[str, str]) -> bool:
    """A github.com page of a repository with the entry's repository name under another owner."""
    theirs = _repository_name(url)
    return theirs is not None and theirs[1] == own[1] and theirs[0] != own[0] and theirs[0] not in _NOT_AN_OWNER


def licence_evidence(tools: list[Document]) -> Iterator[Problem]:
    for doc in tools:
        data = tool_data(doc)
        source = data.get("license_source")
        if isinstance(data.get("repository"), str) and "license_source" not in data:
            yield problem_at(doc, ("license",), "ATL236", "the entry has a repository but no `license_source`")
        elif isinstance(source, str) and not is_pinned(source):
            yield problem_at(doc, ("license_source",), "ATL237",
                             f"license_source {source[:100]} is not pinned to a tag, a commit or a package version")


def is_pinned(url: str) -> bool:
    """A URL that cannot change under the claim: a repository file at a tag or commit, or a package registry page of one version."""
    match = _GITHUB_FILE.match(url)
    if match:
        ref, rest = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        first = ref.lower()
        if first in _BRANCHES:
            return False
        # Tags may hold a slash (`rel/nifi-2.11.0`): then the version is in the next segment of the address.
        candidates = [first, f"{first}/{rest.split('/', 1)[0].lower()}"] if "/" in rest else [first]
        return any(re.fullmatch(r"[0-9a-f]{7,40}", c) or any(ch.isdigit() for ch in c) for c in candidates)
    return bool(_VERSIONED_PACKAGE.match(url))
