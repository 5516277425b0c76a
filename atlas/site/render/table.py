"""The comparison table on each category page: one row per tool, common columns, then the criteria.

The table is complete without JavaScript. Rows carry the facts the filters need as data
attributes, and cells carry sort keys, so the script never parses text and filtering stays linear.
"""

from __future__ import annotations

from atlas.core.model import INACTIVE, Catalog, Category, Criterion, Tool
from atlas.site.render.html import (ANSWER_LABELS, LICENSE_KIND_LABELS, OFFERING_LABELS, PRICING_LABELS, STATUS_LABELS,
                               answer_cell, generated, text, tool_href)

# Sort order of answers: what a reader scans for first.
ANSWER_RANK = {"yes": 3, "partial": 2, "unknown": 1, "no": 0}

# (key, label, help) of the columns every category table has.
COMMON_COLUMNS = (
    ("licence", "Licence", "Open source (an OSI licence), source-available (code public, use restricted) or proprietary."),
    ("offering", "Offering", "How you get it: a library you import, software you host yourself, or a managed service."),
    ("pricing", "Pricing", "Free, a free tier of a paid service, open core (free core, paid extras) or paid only."),
    ("hosting", "Self-hosting", "Whether you can run it on your own machines, and whether that is free or needs a paid licence from the vendor."),
    ("status", "Status", "Whether the tool is actively developed, only maintained, archived, acquired or discontinued."),
)
FILTERS = (
    ("oss", "Open source only"),
    ("selffree", "Free to self-host"),
    ("self", "Self-hostable (free or paid)"),
    ("free", "Free to start"),
    ("active", "Hide archived and discontinued"),
)


def row_flags(tool: Tool) -> dict[str, bool]:
    """The facts the filters test, one boolean per filter key."""
    return {
        "oss": tool.license_kind == "open-source",
        "selffree": _hosting(tool) == "free",
        "self": _hosting(tool) in ("free", "paid"),
        "free": tool.pricing != "paid",
        "active": tool.status not in INACTIVE,
    }


# Short labels for the table's self-hosting column (the tool page spells them out, with the source).
HOSTING_CELLS = {"free": "Free", "paid": "Paid licence", "none": "No"}


def _hosting(tool: Tool) -> str:
    """free, paid or none; an entry without the field falls back on its offering (free is never assumed)."""
    if tool.self_hosting is not None:
        return tool.self_hosting.value
    return "paid" if {"self-hosted", "library"} & set(tool.offering) else "none"


def answer_link(root: str, tool: Tool, category_id: str, criterion_id: str) -> str:
    """Where a table cell points: the tool page row that shows the answer's note and source."""
    return f"{tool_href(root, tool.id)}#{answer_anchor(category_id, criterion_id)}"


def answer_anchor(category_id: str, criterion_id: str) -> str:
    return f"answer-{category_id}--{criterion_id}"


def comparison_table(catalog: Catalog, category: Category, root: str) -> str:
    tools = [(t, False) for t in category.home_tools] + [(t, True) for t in category.reach_tools]
    if not tools:
        return generated("table.comparison_table", "<p>No tools listed yet.</p>")
    table_id = f"compare-{category.id}"
    head = ['<th scope="col" data-key="name" data-sort="text" aria-sort="none">'
            '<button type="button" class="atlas-sort">Tool</button></th>']
    head += [_header(key, label, help_text, "text", table_id) for key, label, help_text in COMMON_COLUMNS]
    head += [_header(c.id, c.label, c.help, "number", table_id) for c in category.criteria]
    rows = [_row(catalog, category, tool, reach, root) for tool, reach in tools]
    controls = "".join(f'<label><input type="checkbox" name="{key}" value="1"> {text(label)}</label>' for key, label in FILTERS)
    body = (
        f'<div class="atlas-table" data-atlas-table="{text(table_id)}">'
        f'<form class="atlas-table-controls" role="search" aria-label="Filter the table" hidden>'
        f'<label>Filter <input type="search" name="q" placeholder="Name, licence, maintainer…" autocomplete="off"></label>'
        f'{controls}<button type="reset">Clear</button></form>'
        f'<p class="atlas-table-count" aria-live="polite">{len(tools)} tools.</p>'
        '<p class="atlas-note">Answers: ✓ yes, ◐ partial, ? unknown (not yet checked), ✗ no. Select an answer for its note '
        'and source.</p>'
        f'<div class="atlas-scroll"><table class="atlas-compare" id="{text(table_id)}">'
        f'<caption>{text(category.title)}: {len(category.home_tools)} tools, then {len(category.reach_tools)} from other categories that also do this job</caption>'
        f'<thead><tr>{"".join(head)}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>'
    )
    return generated("table.comparison_table", body)


def _header(key: str, label: str, help_text: str, sort: str, table_id: str) -> str:
    tip_id = f"{table_id}-help-{key}"
    return (f'<th scope="col" data-key="{text(key)}" data-sort="{sort}" aria-sort="none">'
            f'<button type="button" class="atlas-sort" aria-describedby="{text(tip_id)}">{text(label)}</button>'
            f'<span class="atlas-tip" role="tooltip" id="{text(tip_id)}">{text(help_text)}</span></th>')


def _row(catalog: Catalog, category: Category, tool: Tool, reach: bool, root: str) -> str:
    flags = " ".join(f'data-{k}="{int(v)}"' for k, v in row_flags(tool).items())
    name = f'<a href="{tool_href(root, tool.id)}">{text(tool.name)}</a>'
    if reach:
        home = catalog.categories[tool.home]
        name += f' <span class="atlas-reach-mark">reaches in from {text(home.title)}</span>'
    status = STATUS_LABELS[tool.status]
    if tool.status in INACTIVE:
        status_cell = f'<del>{text(status)}</del>'
    else:
        status_cell = text(status)
    cells = [
        f'<th scope="row" data-value="{text(tool.name.casefold())}">{name}</th>',
        f'<td data-value="{text(tool.license_kind)}">{text(LICENSE_KIND_LABELS[tool.license_kind])}'
        f'<br><span class="atlas-note">{text(tool.license)}</span></td>',
        f'<td>{text(", ".join(OFFERING_LABELS[o] for o in tool.offering))}</td>',
        f'<td>{text(PRICING_LABELS[tool.pricing])}</td>',
        f'<td data-value="{_hosting(tool)}">{text(HOSTING_CELLS[_hosting(tool)])}</td>',
        f'<td>{status_cell}</td>',
    ]
    cells += [_answer(root, tool, category.id, criterion) for criterion in category.criteria]
    role = "reach" if reach else "home"
    return f'<tr data-id="{text(tool.id)}" data-role="{role}" {flags}>{"".join(cells)}</tr>'


def _answer(root: str, tool: Tool, category_id: str, criterion: Criterion) -> str:
    answer = tool.answer(category_id, criterion.id)
    cell = answer_cell(answer.value)
    if answer.source or answer.note:
        title = f' title="{text(answer.note)}"' if answer.note else ""
        cell = f'<a href="{answer_link(root, tool, category_id, criterion.id)}"{title}>{cell}</a>'
    return f'<td data-value="{ANSWER_RANK[answer.value]}">{cell}</td>'


def answer_text(value: str) -> str:
    """The plain text a cell shows for an answer, for tests and exports."""
    symbol, label = ANSWER_LABELS[value]
    return f"{symbol} {label}"
