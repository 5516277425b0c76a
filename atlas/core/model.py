"""The catalog as typed objects, built once per build from validated data.

Renderers and exports read only these objects, never the YAML, so every page and file shows
the same facts. A missing criterion answer becomes an explicit `unknown`, never a `no`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from atlas.core.repository import RepoFacts, repo_slug

Data = dict[str, Any]  # a validated catalog file as loaded

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
    status_note: str | None = None
    acquired_by: str | None = None
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


def build_catalog(categories_data: Data, tools_data: list[Data], learning_data: Data, glossary_data: Data,
                  comparisons_data: Data | None = None, stacks_data: Data | None = None,
                  stores_data: Data | None = None, github: dict[str, RepoFacts] | None = None) -> Catalog:
    """Typed objects from data that has already passed `atlas check` (no validation here).

    `github` holds what catalog/github.json says about repositories, by slug; each tool gets its own."""
    facts = github or {}
    tools = {}
    for data in sorted(tools_data, key=lambda d: d["id"]):
        tool = Tool(
            id=data["id"], name=data["name"], summary=data["summary"], description=data["description"],
            homepage=data["homepage"], license=data["license"], offering=list(data["offering"]), pricing=data["pricing"],
            maintainer=data["maintainer"], status=data["status"], categories=list(data["categories"]),
            fit=list(data["fit"]), sources=list(data["sources"]), reviewed=data["reviewed"],
            repository=data.get("repository"), documentation=data.get("documentation"),
            license_note=data.get("license_note"), status_note=data.get("status_note"), acquired_by=data.get("acquired_by"),
            criteria={cat: {cid: Answer(a["value"], a.get("source"), a.get("note")) for cid, a in answers.items()}
                      for cat, answers in (data.get("criteria") or {}).items()},
            differs_from=[Difference(d["tool"], d["how"]) for d in data.get("differs_from") or []],
            requires=list(data.get("requires") or []), data=data,
            github=facts.get(repo_slug(data.get("repository")) or ""),
        )
        tools[tool.id] = tool
    categories = {}
    for data in categories_data["categories"]:
        cat = Category(
            id=data["id"], stage=data["stage"], title=data["title"], summary=data["summary"], problem=data["problem"],
            need_it_when=list(data["need_it_when"]), can_wait_if=list(data["can_wait_if"]),
            questions=list(data["questions"]), criteria=[Criterion(c["id"], c["label"], c["help"]) for c in data["criteria"]],
        )
        categories[cat.id] = cat
    for tool in tools.values():
        for position, cat_id in enumerate(tool.categories):
            (categories[cat_id].home_tools if position == 0 else categories[cat_id].reach_tools).append(tool)
    stages = [Stage(s["id"], s["title"], s["summary"]) for s in categories_data["stages"]]
    by_stage = {s.id: s for s in stages}
    for cat in categories.values():
        by_stage[cat.stage].categories.append(cat)
    steps = [
        Step(id=s["id"], title=s["title"], goal=s["goal"], why=s["why"], skip_for_now_if=s["skip_for_now_if"],
             concepts=list(s["concepts"]), categories=list(s["categories"]), starter_tools=list(s["starter_tools"]),
             exercise=s["exercise"], resources=[Resource(r["title"], r["url"], r["kind"], r["free"]) for r in s["resources"]],
             time=s["time"], track=s.get("track", "core"))
        for s in learning_data["steps"]
    ]
    terms = {t["id"]: Term(t["id"], t["term"], t["definition"], tuple(t.get("aliases") or ()), tuple(t.get("categories") or ()))
             for t in glossary_data["terms"]}
    comparisons = [Comparison(c["id"], c["title"], c["intro"], tuple(c["tools"]))
                   for c in (comparisons_data or {}).get("comparisons", [])]
    stacks = [Stack(s["id"], s["title"], s["persona"], s["summary"],
                    tuple(Pick(p["category"], p["tool"], p["why"], tuple(p.get("alternatives") or ())) for p in s["picks"]))
              for s in (stacks_data or {}).get("stacks", [])]
    stores = [Store(s["id"], s["title"], s["what"], s["problem"], s["when"], tuple(s["categories"]))
              for s in (stores_data or {}).get("stores", [])]
    return Catalog(stages=stages, categories=categories, tools=tools, steps=steps, terms=terms, comparisons=comparisons,
                   stacks=stacks, stores=stores)


