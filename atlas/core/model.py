"""The catalog as typed objects, built once per build from validated data.

Renderers and exports read only these objects, never the YAML, so every page and file shows
the same facts. A missing criterion answer becomes an explicit `unknown`, never a `no`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from atlas.core.repository import RepoFacts

# Status policy. Archived or discontinued tools are struck through and hidden by the "active" filters;
# a live status claims the project is developed or at least maintained, which an archived repository contradicts.
INACTIVE = frozenset({"archived", "discontinued"})
LIVE_STATUSES = frozenset({"active", "maintenance"})

# Licences whose code is public but which are not open source (OSI): say so wherever the licence shows.
SOURCE_AVAILABLE = frozenset({"BUSL-1.1", "SSPL-1.0", "Elastic-2.0", "Commons-Clause", "PolyForm-Noncommercial-1.0.0",
                              "PolyForm-Shield-1.0.0", "FSL-1.1-MIT", "FSL-1.1-ALv2", "Confluent-Community-1.0"})


def _open(expression: str) -> bool:
    """An SPDX choice (`A AND B`) is open source when none of its parts is source-available or a custom
    `LicenseRef-` licence (custom licences are, by definition, not OSI-approved identifiers)."""
    parts = [p.strip("() ") for p in expression.split(" AND ")]
    return not any(p in SOURCE_AVAILABLE or p.startswith("LicenseRef-") for p in parts)


@dataclass(frozen=True)
class Answer:
    value: str = "unknown"
    source: str | None = None
    note: str | None = None


UNKNOWN = Answer()


@dataclass(frozen=True)
class Evidence:
    """What a status rests on: a primary source and the date of what it shows."""

    source: str
    date: str
    note: str | None = None


@dataclass(frozen=True)
class SelfHosting:
    """What running it yourself costs: free, paid (a licence or contract) or none (only the vendor runs it)."""

    value: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Event:
    """One dated, sourced event in a tool's history (relicensed, acquired, archived, ...)."""

    date: str
    kind: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    help: str


@dataclass(frozen=True)
class Difference:
    tool: str
    how: str


@dataclass
class Tool:
    id: str
    name: str
    summary: str
    description: str
    homepage: str
    license: str
    offering: list[str]
    pricing: str
    maintainer: str
    status: str
    categories: list[str]
    fit: list[str]
    sources: list[str]
    reviewed: str
    repository: str | None = None
    documentation: str | None = None
    license_note: str | None = None
    license_source: str | None = None
    logo: str | None = None  # a simple-icons slug (atlas/core/logos.py)
    status_note: str | None = None
    acquired_by: str | None = None
    status_evidence: Evidence | None = None
    self_hosting: SelfHosting | None = None
    events: list[Event] = field(default_factory=list)
    criteria: dict[str, dict[str, Answer]] = field(default_factory=dict)
    differs_from: list[Difference] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict, repr=False)  # the entry as written, for exports
    github: RepoFacts | None = None  # what catalog/github.json says about the repository, when it says anything

    @property
    def home(self) -> str:
        return self.categories[0]

    @property
    def license_kind(self) -> str:
        """open-source, source-available or proprietary: what a reader means by 'is it open?'."""
        if self.license == "Proprietary":
            return "proprietary"
        return "open-source" if any(_open(choice) for choice in self.license.split(" OR ")) else "source-available"

    def answer(self, category: str, criterion: str) -> Answer:
        return self.criteria.get(category, {}).get(criterion, UNKNOWN)


@dataclass
class Category:
    id: str
    stage: str
    title: str
    summary: str
    problem: str
    need_it_when: list[str]
    can_wait_if: list[str]
    questions: list[str]
    criteria: list[Criterion]
    aliases: list[str] = field(default_factory=list)  # other names readers search for
    home_tools: list[Tool] = field(default_factory=list)
    reach_tools: list[Tool] = field(default_factory=list)  # tools from another home category that do this job too

    @property
    def tools(self) -> list[Tool]:
        return self.home_tools + self.reach_tools


@dataclass
class Stage:
    id: str
    title: str
    summary: str
    categories: list[Category] = field(default_factory=list)

    @property
    def tool_count(self) -> int:
        return len({t.id for c in self.categories for t in c.tools})


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    kind: str
    free: bool


@dataclass
class Step:
    id: str
    title: str
    goal: str
    why: str
    skip_for_now_if: str
    concepts: list[str]
    categories: list[str]
    starter_tools: list[str]
    exercise: str
    resources: list[Resource]
    time: str
    track: str = "core"  # core, or llm for the optional branch


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    id: str
    title: str
    intro: str
    tools: tuple[str, ...]


@dataclass(frozen=True)
class Pick:
    category: str
    tool: str
    why: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stack:
    id: str
    title: str
    persona: str
    summary: str
    picks: tuple[Pick, ...]


@dataclass(frozen=True)
class Store:
    id: str
    title: str
    what: str
    problem: str
    when: str
    categories: tuple[str, ...]


@dataclass
class Catalog:
    stages: list[Stage]
    categories: dict[str, Category]
    tools: dict[str, Tool]
    steps: list[Step]
    terms: dict[str, Term]
    comparisons: list[Comparison] = field(default_factory=list)
    stacks: list[Stack] = field(default_factory=list)
    stores: list[Store] = field(default_factory=list)
