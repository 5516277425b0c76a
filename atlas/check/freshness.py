"""Rules that compare an entry with what GitHub says about its repository (catalog/github.json).

They read only the generated file, never the network, so `atlas check` stays offline. With no
file, or no record for a repository, they say nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from atlas.core.problems import Problem
from atlas.core.repository import RepoFacts, repo_slug
from atlas.core.load import Document

# GitHub's answers that mean "could not tell": never a disagreement.
UNDETERMINED_LICENSES = frozenset({"NOASSERTION", "OTHER"})
# Statuses that claim the project is alive; an archived repository contradicts them.
LIVE_STATUSES = frozenset({"active", "maintenance"})
_OPERATORS = frozenset({"AND", "OR", "WITH"})


def github_problems(tools: list[Document], facts: dict[str, RepoFacts]) -> Iterator[Problem]:
    for doc in tools:
        data = doc.data if isinstance(doc.data, dict) else {}
        fact = facts.get(repo_slug(data.get("repository") if isinstance(data.get("repository"), str) else None) or "")
        if fact is None:
            continue
        if not fact.found:
            yield _at(doc, "repository", "ATL218", f"GitHub answers 404 for {fact.slug}: renamed, deleted or made private",
                      "Find the project's current repository and set `repository`, or remove the field if the code "
                      "is no longer public.", "warning")
            continue
        if fact.moved_to:
            yield _at(doc, "repository", "ATL218", f"GitHub redirects {fact.slug} to {fact.moved_to}",
                      f"Set `repository: https://github.com/{fact.moved_to}`.", "warning")
        licence = data.get("license")
        if isinstance(licence, str) and fact.license and fact.license.upper() not in UNDETERMINED_LICENSES:
            ours = {part.upper() for part in licence.split() if part not in _OPERATORS}
            if fact.license.upper() not in ours:
                yield _at(doc, "license", "ATL214", f"license is {licence} but GitHub detects {fact.license} in {fact.slug}",
                          "Read the repository's LICENSE file again; fix `license`, or explain the difference in `license_note`.",
                          "warning")
        status = data.get("status")
        if fact.archived and status in LIVE_STATUSES:
            yield _at(doc, "status", "ATL215", f"status is {status} but GitHub says {fact.slug} is archived (read-only)",
                      "Set `status: archived` (or discontinued or acquired) and say what happened in `status_note`.", "error")


def _at(doc: Document, field: str, code: str, message: str, hint: str, severity: str) -> Problem:
    line, col = doc.where((field,))
    return Problem(doc.path, line, col, code, message, hint, severity)
