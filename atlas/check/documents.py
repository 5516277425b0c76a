"""Reading loaded documents defensively, and locating what the rules report.

A file may also have schema errors, so every rule reads values through these helpers: a wrong type is
skipped here (the schema reports it), never a crash, and every problem in the catalog is found in one run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from atlas.core.codes import BY_CODE
from atlas.core.load import Document, NodePath
from atlas.core.problems import Problem
from atlas.core.suggest import close_match


def items(doc: Document | None, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in the list `key` of a shared file."""
    if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
        return []
    return [(i, item) for i, item in enumerate(doc.data[key]) if isinstance(item, dict)]


def as_list(value: object) -> list[Any]:
    """The value if it is a list, else an empty list: files with schema errors are read defensively."""
    return value if isinstance(value, list) else []


def strings(value: object) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(as_list(value)) if isinstance(v, str)]


def problem_at(doc: Document, path: NodePath, code: str, message: str, hint: str | None = None, *, key: bool = False,
               severity: str = "error") -> Problem:
    """A problem located at `path` of `doc`; the hint defaults to the rule's fix in atlas/core/codes.py."""
    line, col = doc.where(path, key=key)
    return Problem(doc.path, line, col, code, message, BY_CODE[code].fix if hint is None else hint, severity)


def tool_data(doc: Document) -> dict[str, Any]:
    return doc.data if isinstance(doc.data, dict) else {}


def tool_ids(tools: list[Document]) -> set[str]:
    """The ids of the tool entries that have one."""
    return {i for i in (tool_data(t).get("id") for t in tools) if isinstance(i, str)}


def ids_of(doc: Document | None, key: str) -> set[str]:
    return {item["id"] for _, item in items(doc, key) if isinstance(item.get("id"), str)}


def criteria_by_category(categories: Document | None) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for _, cat in items(categories, "categories"):
        if isinstance(cat.get("id"), str):
            result[cat["id"]] = {c["id"] for c in as_list(cat.get("criteria")) if isinstance(c, dict) and isinstance(c.get("id"), str)}
    return result


def duplicates(doc: Document, key: str, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, item in items(doc, key):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            yield problem_at(doc, (key, i, "id"), "ATL208", f"{what} id '{item_id}' appears twice", f"Each {what} id is unique.")
        seen.add(item_id)


def unknown_ids(doc: Document, path: NodePath, values: object, known: set[str], code: str, what: str) -> Iterator[Problem]:
    for j, value in strings(values):
        if value not in known:
            yield problem_at(doc, path + (j,), code, f"unknown {what} '{value}'", close_match(value, known) + f"Use an existing {what} id.")


def entries(doc: Document) -> Iterator[tuple[NodePath, object]]:
    """(path, value) of every value in a document, in file order."""
    stack: list[tuple[NodePath, object]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            children: list[tuple[NodePath, object]] = [(path + (k,), v) for k, v in value.items()]
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(path + (i,), v) for i, v in enumerate(value)]))
