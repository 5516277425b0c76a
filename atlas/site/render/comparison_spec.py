"""The side-by-side comparison, specified once: its rows, their labels, and each tool's cell in every row.

Cells are lists of *parts* (plain data: text, a link, a note, an answer mark, a line break), not HTML. Python
renders parts to HTML for the static comparison pages; the exports publish the same rows and each tool's parts
(api/compare.json and api/compare/<id>.json) and atlas.js only turns parts into DOM nodes. So the static and
the interactive comparison cannot drift apart: the rows, labels and cell contents exist here and nowhere else.

How rows are assembled from the tools' cells (`rows`) is the only logic both sides run; a browser test compares
the two on every curated comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from atlas.core.model import Catalog, Tool
from atlas.site.render.html import (ANSWER_LABELS, FIT_LABELS, LICENSE_KIND_LABELS, OFFERING_LABELS, PRICING_LABELS,
                                    REQUIRES_LABELS, STATUS_LABELS, text)

Part = dict[str, str]
NOT_IN_CATEGORY = "Not in this category"
# Answers that say nothing about a difference: an unknown is not a "no", and a tool outside the category has no answer.
NOT_A_DIFFERENCE = frozenset({"unknown", "n/a"})


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    differ: bool                                   # mark the row when the tools' values differ
    cell: Callable[[Catalog, Tool], tuple[Any, list[Part]]]  # (comparable value, parts)


def _plain(value: str) -> list[Part]:
    return [{"text": value}]


def _category_link(catalog: Catalog, category_id: str) -> Part:
    return {"link": f"categories/{category_id}/", "text": catalog.categories[category_id].title}


def _status(tool: Tool) -> str:
    return STATUS_LABELS[tool.status] + (f" by {tool.acquired_by}" if tool.acquired_by else "")


def _categories(catalog: Catalog, tool: Tool) -> list[Part]:
    parts: list[Part] = []
    for i, category_id in enumerate(tool.categories):
        if i:
            parts.append({"text": ", "})
        parts.append(_category_link(catalog, category_id))
    return parts


FACTS: tuple[Fact, ...] = (
    Fact("summary", "Summary", False, lambda c, t: (t.summary, _plain(t.summary))),
    Fact("home", "Home category", True, lambda c, t: (t.home, [_category_link(c, t.home)])),
    Fact("licence", "Licence", True, lambda c, t: (t.license, [{"text": LICENSE_KIND_LABELS[t.license_kind]}, {"br": "1"},
                                                                {"note": t.license}])),
    Fact("offering", "Offering", True, lambda c, t: (sorted(t.offering), _plain(", ".join(OFFERING_LABELS[o] for o in t.offering)))),
    Fact("pricing", "Pricing", True, lambda c, t: (t.pricing, _plain(PRICING_LABELS[t.pricing]))),
    Fact("status", "Status", True, lambda c, t: (_status(t), _plain(_status(t)))),
    Fact("maintainer", "Maintainer", True, lambda c, t: (t.maintainer, _plain(t.maintainer))),
    Fact("fit", "Fits", True, lambda c, t: (sorted(t.fit), _plain(", ".join(FIT_LABELS[f] for f in t.fit)))),
    Fact("requires", "Requires", True, lambda c, t: (sorted(t.requires), _plain(", ".join(REQUIRES_LABELS[r] for r in t.requires)
                                                                               or "Nothing beyond a computer"))),
    Fact("categories", "Categories", True, lambda c, t: (sorted(t.categories), _categories(c, t))),
    Fact("homepage", "Homepage", False, lambda c, t: (t.homepage, [{"url": t.homepage, "text": "homepage"}])),
    Fact("repository", "Repository", False,
         lambda c, t: (t.repository or "", [{"url": t.repository, "text": "repository"}] if t.repository else _plain("Not public"))),
)


def answer_cell(tool: Tool, category_id: str, criterion_id: str) -> tuple[str, list[Part]]:
    """(value, parts) of one criterion answer; a tool outside the category has no answer ('n/a')."""
    if category_id not in tool.categories:
        return "n/a", [{"note": NOT_IN_CATEGORY}]
    answer = tool.answer(category_id, criterion_id)
    parts: list[Part] = [{"answer": answer.value}]
    if answer.note:
        parts += [{"br": "1"}, {"note": answer.note}]
    if answer.source:
        parts += [{"br": "1"}, {"url": answer.source, "text": "source"}]
    return answer.value, parts


def tool_cells(catalog: Catalog, tool: Tool) -> dict[str, Any]:
    """Everything one tool contributes to any comparison: api/compare/<id>.json."""
    facts = {}
    for fact in FACTS:
        value, parts = fact.cell(catalog, tool)
        facts[fact.key] = {"value": value, "parts": parts}
    criteria = {category_id: {c.id: dict(zip(("value", "parts"), answer_cell(tool, category_id, c.id), strict=True))
                              for c in catalog.categories[category_id].criteria}
                for category_id in tool.categories}
    return {"id": tool.id, "name": tool.name, "page": f"tools/{tool.id}/", "categories": tool.categories,
            "facts": facts, "criteria": criteria, "differs_from": [{"tool": d.tool, "how": d.how} for d in tool.differs_from]}


def index(catalog: Catalog) -> dict[str, Any]:
    """The rows, the labels and the picker's list of tools: api/compare.json (small; no tool's cells)."""
    return {
        "facts": [{"key": f.key, "label": f.label, "differ": f.differ} for f in FACTS],
        "categories": [{"id": c.id, "title": c.title, "criteria": [{"id": k.id, "label": k.label, "help": k.help} for k in c.criteria]}
                       for c in catalog.categories.values()],
        "answers": {value: list(label) for value, label in ANSWER_LABELS.items()},
        "not_a_difference": sorted(NOT_A_DIFFERENCE),
        "tools": [{"id": t.id, "name": t.name} for t in sorted(catalog.tools.values(), key=lambda t: (t.name.casefold(), t.id))],
    }


@dataclass(frozen=True)
class Row:
    label: str
    help: str
    differs: bool
    cells: list[list[Part]]
    group: Part | None = None  # a category heading row instead of a data row
    collapsed: bool = False    # (group rows) a category where no criterion has answers to compare: shown folded, last


def rows(spec: dict[str, Any], cells: list[dict[str, Any]]) -> list[Row]:
    """The comparison of the tools whose cells are given, in order: the facts, then each category that at least
    two of them are in (all of one tool's), criteria by criteria. A category in which no criterion has a known
    answer from two of the tools (only "Unknown" and "Not in this category") compares nothing: such categories
    come last, marked `collapsed`, so the reader meets the criteria that matter first. atlas.js `compareRows`
    does the same."""
    out = []
    for fact in spec["facts"]:
        column = [c["facts"][fact["key"]] for c in cells]
        out.append(Row(fact["label"], "", fact["differ"] and _differ(column), [x["parts"] for x in column]))
    need = 2 if len(cells) > 1 else 1
    folded: list[Row] = []
    for category in spec["categories"]:
        if sum(category["id"] in c["categories"] for c in cells) < need:
            continue
        group, comparable = [], False
        for criterion in category["criteria"]:
            column = [c["criteria"].get(category["id"], {}).get(criterion["id"], {"value": "n/a", "parts": [{"note": NOT_IN_CATEGORY}]})
                      for c in cells]
            comparable = comparable or _known(column) >= need
            group.append(Row(criterion["label"], criterion["help"], _differ(column), [x["parts"] for x in column]))
        head = Row(category["title"], "", False, [], group={"link": f"categories/{category['id']}/", "text": category["title"]},
                   collapsed=not comparable)
        (out if comparable else folded).extend([head, *group])
    return out + folded


def _is_known(x: dict[str, Any]) -> bool:
    return not (isinstance(x["value"], str) and x["value"] in NOT_A_DIFFERENCE)


def _known(column: list[dict[str, Any]]) -> int:
    return sum(_is_known(x) for x in column)


def _differ(column: list[dict[str, Any]]) -> bool:
    """True when at least two known values differ."""
    return len({repr(x["value"]) for x in column if _is_known(x)}) > 1


def parts_html(parts: list[Part], root: str) -> str:
    """The HTML of a cell's parts. Every text goes through `text()`; links are root-relative or already-checked https URLs."""
    out = []
    for part in parts:
        if "br" in part:
            out.append("<br>")
        elif "answer" in part:
            symbol, label = ANSWER_LABELS[part["answer"]]
            out.append(f'<span class="atlas-answer atlas-answer--{text(part["answer"])}"><span aria-hidden="true">{symbol}</span> '
                       f"{label}</span>")
        elif "note" in part:
            out.append(f'<span class="atlas-note">{text(part["note"])}</span>')
        elif "link" in part:
            out.append(f'<a href="{root}{text(part["link"])}">{text(part["text"])}</a>')
        elif "url" in part:
            out.append(f'<a href="{text(part["url"])}" rel="noopener nofollow">{text(part["text"])}</a>')
        else:
            out.append(text(part["text"]))
    return "".join(out)
