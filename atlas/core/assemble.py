"""The typed catalog (atlas/core/model.py) built from data that has already passed `atlas check`."""

from __future__ import annotations

from typing import Any

from atlas.core.model import (
    Answer,
    Catalog,
    Category,
    Comparison,
    Criterion,
    Difference,
    Event,
    Evidence,
    Pick,
    Resource,
    SelfHosting,
    Stack,
    Stage,
    Step,
    Store,
    Term,
    Tool,
)
from atlas.core.repository import RepoFacts, repo_slug

Data = dict[str, Any]  # a validated catalog file as loaded


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
            license_note=data.get("license_note"), license_source=data.get("license_source"), logo=data.get("logo"), status_note=data.get("status_note"),
            acquired_by=data.get("acquired_by"),
            status_evidence=Evidence(**data["status_evidence"]) if data.get("status_evidence") else None,
            self_hosting=SelfHosting(**data["self_hosting"]) if data.get("self_hosting") else None,
            events=[Event(**e) for e in data.get("events") or []],
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
            aliases=list(data.get("aliases") or ()),
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


