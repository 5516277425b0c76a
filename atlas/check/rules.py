"""The cross-file rules, in the order they run: what the JSON Schema cannot see because it reads one file at a time.

Each rule is a function in a module of its concern (references, urls, text, freshness) that takes the loaded
documents and yields located problems. Codes and fixes are listed in atlas/core/codes.py.
"""

from __future__ import annotations

import datetime as dt

from atlas.check import references
from atlas.check.editorial import editorial
from atlas.check.evidence import dates, quiet_but_active
from atlas.check.freshness import github_problems, reviewed_dates
from atlas.check.sources import licence_evidence, weak_sources
from atlas.check.text import invisible_characters
from atlas.check.urls import urls
from atlas.core.load import Document
from atlas.core.problems import Problem
from atlas.core.repository import RepoFacts


def run_all(shared: dict[str, Document], tools: list[Document], today: dt.date,
            github: dict[str, RepoFacts] | None = None) -> list[Problem]:
    every = list(shared.values()) + tools
    problems: list[Problem] = []
    problems += references.file_name_matches_id(tools)
    problems += references.tool_references(shared, tools)
    problems += references.unique_tools(tools)
    problems += references.logos_exist(tools)
    problems += references.reserved_ids(shared, tools)
    problems += references.every_category_has_a_tool(shared, tools)
    problems += references.taxonomy(shared)
    problems += references.learning_path_and_glossary(shared, tools)
    problems += references.comparisons(shared, tools)
    problems += references.stacks_and_stores(shared, tools)
    problems += urls(every)
    problems += invisible_characters(every)
    problems += editorial(tools)
    problems += weak_sources(shared, tools)
    problems += licence_evidence(tools)
    problems += reviewed_dates(tools, today)
    problems += github_problems(tools, github or {})
    problems += quiet_but_active(tools, github or {})
    problems += dates(tools, today)
    return problems
