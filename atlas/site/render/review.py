"""The "Entries to review" page: where a maintainer's next hour of checking does the most good.

Lists computed from the model alone (no dates of the build, so the page only changes when the catalog or
catalog/github.json does): the oldest status evidence, the oldest reviews, the entries with the most `unknown`
answers, and the entries whose repository GitHub reports as archived or cannot find.
"""

from __future__ import annotations

from atlas.core.model import Catalog, Tool
from atlas.site.render.html import STATUS_LABELS, external_link, generated, internal_link, text, tool_href

OLDEST_SHOWN = 20


def entries_to_review(catalog: Catalog, root: str) -> str:
    tools = list(catalog.tools.values())
    oldest = sorted(tools, key=lambda t: (t.reviewed, t.name.casefold()))[:OLDEST_SHOWN]
    unknown = sorted(((unknown_answers(catalog, t), t) for t in tools), key=lambda pair: (-pair[0][0], pair[1].name.casefold()))
    archived = [t for t in tools if t.github is not None and t.github.archived]
    missing = [t for t in tools if t.github is not None and not t.github.found]
    evidence = sorted(((t.status_evidence, t) for t in tools if t.status_evidence), key=lambda pair: (pair[0].date, pair[1].name.casefold()))
    parts = [
        "## Oldest evidence",
        _table("review.evidence", ("Tool", "Status", "Evidence dated", "What it shows"),
               [(_link(root, t), text(STATUS_LABELS[t.status]), _date(e.date), external_link(e.source, e.note or "source"))
                for e, t in evidence[:OLDEST_SHOWN]],
               "atlas-review-evidence", "No entry rests on dated status evidence yet."),
        "## Oldest reviews",
        _table("review.oldest", ("Tool", "Last reviewed", "Status"),
               [(_link(root, t), _date(t.reviewed), text(STATUS_LABELS[t.status])) for t in oldest],
               "atlas-review-oldest", "No entries yet."),
        "## Unknown answers",
        _table("review.unknown", ("Tool", "Unknown answers", "Criteria"),
               [(_link(root, t), str(n), str(total)) for (n, total), t in unknown if n],
               "atlas-review-unknown", "Every criterion of every entry is answered."),
        "## Archived on GitHub",
        _table("review.archived", ("Tool", "Repository", "Status in the catalog"),
               [(_link(root, t), text(_repository(t)), text(STATUS_LABELS[t.status])) for t in archived],
               "atlas-review-archived", "No repository is archived, as far as catalog/github.json knows."),
        "## Repository not found on GitHub",
        _table("review.missing", ("Tool", "Repository"), [(_link(root, t), text(_repository(t))) for t in missing],
               "atlas-review-missing", "GitHub found every repository."),
    ]
    return "\n\n".join(parts) + "\n"


def unknown_answers(catalog: Catalog, tool: Tool) -> tuple[int, int]:
    """(unknown answers, criteria) over every category of the tool; a missing answer counts as unknown."""
    criteria = [(cat, c.id) for cat in tool.categories for c in catalog.categories[cat].criteria]
    return sum(tool.answer(cat, cid).value == "unknown" for cat, cid in criteria), len(criteria)


def _table(name: str, headings: tuple[str, ...], rows: list[tuple[str, ...]], cls: str, empty: str) -> str:
    if not rows:
        return generated(name, f'<p class="{cls}">{text(empty)}</p>')
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return generated(name, f'<table class="atlas-review {cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def _link(root: str, tool: Tool) -> str:
    return internal_link(tool_href(root, tool.id), tool.name)


def _date(day: str) -> str:
    return f'<time datetime="{text(day)}">{text(day)}</time>'


def _repository(tool: Tool) -> str:
    """GitHub's name of the tool's repository (only tools with GitHub facts are listed in those tables)."""
    facts = tool.github
    return (facts.full_name or facts.slug) if facts else ""
