"""Rules about references between files: ids, categories, criteria, tools, stages, terms, stacks and stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from atlas.check.documents import (
    as_list,
    criteria_by_category,
    duplicates,
    ids_of,
    items,
    problem_at,
    strings,
    tool_data,
    tool_ids,
    unknown_ids,
)
from atlas.core import logos
from atlas.core.identity import same_name, same_repository
from atlas.core.load import Document
from atlas.core.problems import Problem
from atlas.core.suggest import close_match


def file_name_matches_id(tools: list[Document]) -> Iterator[Problem]:
    for doc in tools:
        tool_id = tool_data(doc).get("id")
        stem = PurePath(doc.path).stem
        if isinstance(tool_id, str) and tool_id != stem:
            yield problem_at(doc, ("id",), "ATL200", f"id '{tool_id}' differs from the file name '{stem}.yaml'",
                           f"Rename the file to {tool_id}.yaml, or set `id: {stem}`.")


def tool_references(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    categories = shared.get("categories")
    category_ids = ids_of(categories, "categories")
    criteria = criteria_by_category(categories)
    known_tools = tool_ids(tools)
    for doc in tools:
        data = tool_data(doc)
        listed = [c for _, c in strings(data.get("categories"))]
        if categories is not None:
            for i, cat in strings(data.get("categories")):
                if cat not in category_ids:
                    yield problem_at(doc, ("categories", i), "ATL201", f"unknown category '{cat}'",
                                   close_match(cat, category_ids) + "Categories are defined in catalog/categories.yaml.")
            answers = data["criteria"] if isinstance(data.get("criteria"), dict) else {}
            for cat, by_criterion in answers.items():
                if cat not in listed:
                    yield problem_at(doc, ("criteria", cat), "ATL202", f"criteria given for '{cat}', which is not in this tool's categories",
                                   close_match(cat, listed) + "Add the category to `categories`, or remove these answers.", key=True)
                    continue
                known = criteria.get(cat, set())
                for criterion in by_criterion if isinstance(by_criterion, dict) else {}:
                    if cat in criteria and criterion not in known:
                        yield problem_at(doc, ("criteria", cat, criterion), "ATL202", f"unknown criterion '{criterion}' for category '{cat}'",
                                       close_match(criterion, known) + f"Criteria of '{cat}': {', '.join(sorted(known))}.", key=True)
        seen: set[str] = set()
        for i, diff in enumerate(as_list(data.get("differs_from"))):
            other = diff.get("tool") if isinstance(diff, dict) else None
            if not isinstance(other, str):
                continue
            if other == data.get("id") or other in seen:
                reason = "the tool itself" if other == data.get("id") else f"'{other}' a second time"
                yield problem_at(doc, ("differs_from", i, "tool"), "ATL212", f"differs_from lists {reason}",
                               "List each alternative once, and never the tool itself.")
            elif other not in known_tools:
                yield problem_at(doc, ("differs_from", i, "tool"), "ATL203", f"differs_from names unknown tool '{other}'",
                               close_match(other, known_tools) + "Use the id of a file in catalog/tools/.")
            seen.add(other)


# (field, how values are compared, code, what the hint says): two tools may not share these values.
_UNIQUE_FIELDS = (
    ("id", lambda v: v, "ATL208", "Each tool has its own id."),
    ("name", same_name, "ATL204", "Merge the two entries, or use each tool's distinct official name."),
    ("repository", same_repository, "ATL205", "One repository is one tool: merge the entries."),
)


def unique_tools(tools: list[Document]) -> Iterator[Problem]:
    for field, normalise, code, hint in _UNIQUE_FIELDS:
        seen: dict[str, Document] = {}
        for doc in tools:
            value = tool_data(doc).get(field)
            if not isinstance(value, str):
                continue
            key = normalise(value)
            if key in seen:
                yield problem_at(doc, (field,), code, f"{field} '{value}' is already used by {seen[key].path}", hint)
            seen.setdefault(key, doc)


# Ids that name a folder's own page: a tool, category, comparison, stack or step with such an id would replace
# or break the listing page of its folder (compare/index.md is the compare page, stacks/index.md the overview).
RESERVED_IDS = frozenset({"index"})
_LISTS_WITH_PAGES = (("categories", "categories"), ("comparisons", "comparisons"), ("stacks", "stacks"),
                     ("learning-path", "steps"))


def reserved_ids(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    """ATL241: no entry may take an id that is a generated path of the site."""
    for doc in tools:
        value = tool_data(doc).get("id")
        if isinstance(value, str) and value in RESERVED_IDS:
            yield problem_at(doc, ("id",), "ATL241", f"the id '{value}' is reserved: it is the name of a folder's own page")
    for kind, key in _LISTS_WITH_PAGES:
        for i, item in items(shared.get(kind), key):
            if isinstance(item.get("id"), str) and item["id"] in RESERVED_IDS:
                yield problem_at(shared[kind], (key, i, "id"), "ATL241",
                                 f"the id '{item['id']}' is reserved: it is the name of a folder's own page")


def logos_exist(tools: list[Document]) -> Iterator[Problem]:
    """ATL240: a `logo` names an icon that the pinned simple-icons release has."""
    for doc in tools:
        slug = tool_data(doc).get("logo")
        if isinstance(slug, str) and not logos.known(slug):
            yield problem_at(doc, ("logo",), "ATL240", f"simple-icons has no icon '{slug}'")


def every_category_has_a_tool(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    categories = shared.get("categories")
    used = {c for t in tools for _, c in strings(tool_data(t).get("categories"))}
    for i, cat in items(categories, "categories"):
        if categories is not None and isinstance(cat.get("id"), str) and cat["id"] not in used:
            yield problem_at(categories, ("categories", i, "id"), "ATL206", f"category '{cat['id']}' has no tool",
                           "Add at least one tool entry that lists this category, or remove the category.")


def taxonomy(shared: dict[str, Document]) -> Iterator[Problem]:
    categories = shared.get("categories")
    if categories is None:
        return
    stage_ids = ids_of(categories, "stages")
    yield from duplicates(categories, "stages", "stage")
    yield from duplicates(categories, "categories", "category")
    for i, cat in items(categories, "categories"):
        stage = cat.get("stage")
        if isinstance(stage, str) and stage not in stage_ids:
            yield problem_at(categories, ("categories", i, "stage"), "ATL207", f"unknown stage '{stage}'",
                           close_match(stage, stage_ids) + f"Stages: {', '.join(sorted(stage_ids))}.")
        seen: set[str] = set()
        for j, crit in enumerate(as_list(cat.get("criteria"))):
            cid = crit.get("id") if isinstance(crit, dict) else None
            if isinstance(cid, str) and cid in seen:
                yield problem_at(categories, ("categories", i, "criteria", j, "id"), "ATL208",
                               f"criterion id '{cid}' appears twice in category '{cat.get('id')}'", "Criterion ids are unique per category.")
            if isinstance(cid, str):
                seen.add(cid)


def learning_path_and_glossary(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    category_ids = ids_of(shared.get("categories"), "categories")
    have_categories = shared.get("categories") is not None
    glossary = shared.get("glossary")
    term_ids = ids_of(glossary, "terms")
    known_tools = tool_ids(tools)
    if glossary is not None:
        yield from duplicates(glossary, "terms", "term")
        for i, term in items(glossary, "terms"):
            if have_categories:
                yield from unknown_ids(glossary, ("terms", i, "categories"), term.get("categories"), category_ids, "ATL201", "category")
    path = shared.get("learning-path")
    if path is None:
        return
    yield from duplicates(path, "steps", "step")
    for i, step in items(path, "steps"):
        if have_categories:
            yield from unknown_ids(path, ("steps", i, "categories"), step.get("categories"), category_ids, "ATL201", "category")
        yield from unknown_ids(path, ("steps", i, "starter_tools"), step.get("starter_tools"), known_tools, "ATL203", "tool")
        if glossary is not None:
            yield from unknown_ids(path, ("steps", i, "concepts"), step.get("concepts"), term_ids, "ATL209", "glossary term")


def comparisons(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    doc = shared.get("comparisons")
    if doc is None:
        return
    known_tools = tool_ids(tools)
    yield from duplicates(doc, "comparisons", "comparison")
    for i, comparison in items(doc, "comparisons"):
        yield from unknown_ids(doc, ("comparisons", i, "tools"), comparison.get("tools"), known_tools, "ATL203", "tool")


def stacks_and_stores(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    category_ids = ids_of(shared.get("categories"), "categories")
    have_categories = shared.get("categories") is not None
    tool_categories = {tool_data(t)["id"]: {c for _, c in strings(tool_data(t).get("categories"))}
                       for t in tools if isinstance(tool_data(t).get("id"), str)}
    stacks = shared.get("stacks")
    if stacks is not None:
        yield from duplicates(stacks, "stacks", "stack")
        for i, stack in items(stacks, "stacks"):
            for j, pick in enumerate(as_list(stack.get("picks"))):
                if not isinstance(pick, dict):
                    continue
                where = ("stacks", i, "picks", j)
                category, tool = pick.get("category"), pick.get("tool")
                if have_categories and isinstance(category, str) and category not in category_ids:
                    yield problem_at(stacks, where + ("category",), "ATL201", f"unknown category '{category}'",
                                   close_match(category, category_ids) + "Use a category id from catalog/categories.yaml.")
                yield from unknown_ids(stacks, where + ("alternatives",), pick.get("alternatives"), set(tool_categories), "ATL203", "tool")
                if isinstance(tool, str) and tool not in tool_categories:
                    yield problem_at(stacks, where + ("tool",), "ATL203", f"unknown tool '{tool}'",
                                   close_match(tool, set(tool_categories)) + "Use the id of a file in catalog/tools/.")
                elif isinstance(tool, str) and isinstance(category, str) and category in category_ids \
                        and category not in tool_categories[tool]:
                    yield problem_at(stacks, where + ("tool",), "ATL231", f"'{tool}' is not in category '{category}'",
                                   f"Its categories: {', '.join(sorted(tool_categories[tool]))}.")
    stores = shared.get("stores")
    if stores is not None:
        yield from duplicates(stores, "stores", "store")
        if have_categories:
            for i, store in items(stores, "stores"):
                yield from unknown_ids(stores, ("stores", i, "categories"), store.get("categories"), category_ids, "ATL201", "category")
