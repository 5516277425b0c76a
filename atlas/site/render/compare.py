"""Side-by-side comparisons: static pages for curated comparisons, and the shell of the interactive page.

Both show the same rows, built from atlas/site/render/comparison_spec.py: the common facts, then every criterion of
each category that at least two of the compared tools belong to. Rows whose known values differ are marked.
"""

from __future__ import annotations

from atlas.core.model import Catalog, Comparison, Tool
from atlas.site.render import comparison_spec as spec
from atlas.site.render.html import generated, heading, listing, text, tool_href

MAX_INTERACTIVE = 4


def comparison_table(catalog: Catalog, tools: list[Tool], root: str) -> str:
    """The side-by-side table, from the one specification in comparison_spec (the interactive page uses the same).
    Categories with nothing to compare come last in the rows; they go into a folded second table."""
    head = "".join(f'<th scope="col"><a href="{tool_href(root, t.id)}">{text(t.name)}</a></th>' for t in tools)
    rows = spec.rows(spec.index(catalog), [spec.tool_cells(catalog, t) for t in tools])
    cut = next((i for i, row in enumerate(rows) if row.collapsed), len(rows))
    table = _table(head, [_row(row, len(tools), root) for row in rows[:cut]])
    folded = sum(row.collapsed for row in rows)
    if not folded:
        return table
    return (table + f'<details class="atlas-compare-folded"><summary>{_folded_label(folded)}</summary>'
            + _table(head, [_row(row, len(tools), root) for row in rows[cut:]]) + "</details>")


def _table(head: str, rows: list[str]) -> str:
    return (f'<div class="atlas-scroll"><table class="atlas-side-by-side"><thead><tr><td></td>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _row(row: spec.Row, columns: int, root: str) -> str:
    if row.group is not None:
        return (f'<tr class="atlas-compare-group"><th scope="colgroup" colspan="{columns + 1}">'
                f"{spec.parts_html([row.group], root)}</th></tr>")
    label = (f'<span class="atlas-criterion" title="{text(row.help)}">{text(row.label)}</span>' if row.help else text(row.label))
    mark = ' class="atlas-differs"' if row.differs else ""
    flag = '<span class="atlas-differs-mark" title="The tools differ here">≠</span> ' if row.differs else ""
    cells = "".join(f"<td>{spec.parts_html(parts, root)}</td>" for parts in row.cells)
    return f'<tr{mark}><th scope="row">{flag}{label}</th>{cells}</tr>'


def _folded_label(count: int) -> str:
    """The same words as atlas.js's folded section."""
    return f"{count} more categor{'y' if count == 1 else 'ies'} with no answers to compare (only Unknown or Not in this category)"


def differences(catalog: Catalog, tools: list[Tool], root: str) -> str:
    """The "how it differs" sentences the entries write about each other."""
    ids = {t.id for t in tools}
    items = [f'<a href="{tool_href(root, t.id)}">{text(t.name)}</a> compared with '
             f'<a href="{tool_href(root, d.tool)}">{text(catalog.tools[d.tool].name)}</a>: {text(d.how)}'
             for t in tools for d in t.differs_from if d.tool in ids]
    if not items:
        return "<p>None of these entries describes the others yet.</p>"
    return listing(items, "atlas-differences")


def comparison_page(catalog: Catalog, comparison: Comparison, root: str) -> str:
    tools = [catalog.tools[t] for t in comparison.tools]
    interactive = ",".join(comparison.tools[:MAX_INTERACTIVE])
    parts = [
        generated("compare.comparison_page", f'<h1 id="comparison-title">{text(comparison.title)}</h1>'
                                              f'<p class="atlas-summary">{text(comparison.intro)}</p>'),
        "## Side by side { data-search-exclude }",
        generated("compare.comparison_page",
                  '<p class="atlas-note">Rows marked ≠ differ between the tools. Select a tool for its full entry.</p>'
                  + comparison_table(catalog, tools, root)),
        "## How they differ",
        generated("compare.differences", differences(catalog, tools, root)),
        generated("compare.comparison_page",
                  f'<p><a href="{root}compare/?tools={interactive}">Open in the interactive comparison</a> '
                  "to add or remove tools.</p>"),
    ]
    return "\n\n".join(parts) + "\n"


def comparison_links(catalog: Catalog, root: str, tool_ids: set[str] | None = None) -> list[str]:
    """Links to curated comparisons, optionally only those that include one of `tool_ids`."""
    return [f'<a href="{root}compare/{c.id}/">{text(c.title)}</a>' for c in catalog.comparisons
            if tool_ids is None or tool_ids & set(c.tools)]


# Runs as the page is parsed, before the content below it is laid out, so the page does not jump when
# atlas.js fills the comparison in (Lighthouse measured a layout shift of 0.5 without it): the picker is
# shown at once, and a comparison asked for in the address gets room for its table. Our own fixed code,
# no catalog text.
_LAYOUT_BEFORE_PAINT = ('<script>(function (app) { app.querySelector("form").hidden = false; '
                        'app.querySelector(".atlas-compare-result").textContent = "Loading the catalog\u2026"; '
                        'if (/[?&]tools=/.test(location.search)) app.classList.add("atlas-compare-pending"); '
                        '})(document.currentScript.previousElementSibling);</script>')


def compare_app(catalog: Catalog, root: str) -> str:
    """The interactive compare page: a picker and a table that atlas.js fills from api/compare.json and the chosen tools' files."""
    curated = comparison_links(catalog, root)
    body = (f'<div class="atlas-compare-app" data-atlas-compare data-index="{root}api/compare.json" data-root="{root}" '
            f'data-max="{MAX_INTERACTIVE}">'
            '<noscript><p>The interactive comparison needs JavaScript. The curated comparisons below work without it, '
            'and every category page has a full comparison table.</p></noscript>'
            '<form class="atlas-compare-picker" hidden autocomplete="off">'
            '<label for="atlas-compare-add">Add a tool (2 to 4)</label> '
            '<input id="atlas-compare-add" type="search" list="atlas-compare-options" placeholder="Type a tool name…">'
            '<datalist id="atlas-compare-options"></datalist> <button type="submit">Add</button>'
            '<ul class="atlas-compare-chosen" aria-label="Tools being compared"></ul></form>'
            '<div class="atlas-compare-message" role="alert"></div>'
            '<div class="atlas-compare-result" aria-live="polite"></div></div>' + _LAYOUT_BEFORE_PAINT)
    return generated("compare.compare_app", body + heading(2, "curated", "Curated comparisons")
                     + (listing(curated, "atlas-curated") if curated else "<p>None yet.</p>"))
