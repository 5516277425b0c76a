"""Side-by-side comparisons: static pages for curated comparisons, and the shell of the interactive page.

Both show the same rows: the common facts, then every criterion of each category that at least two
of the compared tools belong to. Rows whose values differ are marked, so the eye goes to them.
"""

from __future__ import annotations

from atlas.core.model import Catalog, Comparison, Tool
from atlas.site.render.html import (FIT_LABELS, LICENSE_KIND_LABELS, OFFERING_LABELS, PRICING_LABELS, REQUIRES_LABELS,
                               STATUS_LABELS, answer_cell, category_href, external_link, generated, listing, text,
                               tool_href)

MAX_INTERACTIVE = 4


def shared_categories(catalog: Catalog, tools: list[Tool]) -> list[str]:
    """Categories (in taxonomy order) that at least two of the tools belong to; all of them for one tool."""
    need = 2 if len(tools) > 1 else 1
    return [c for c in catalog.categories if sum(c in t.categories for t in tools) >= need]


def fact_rows(catalog: Catalog, tools: list[Tool], root: str) -> list[tuple[str, list[str], list[str]]]:
    """(label, comparable values, rendered cells) for the common facts."""
    def status(t: Tool) -> str:
        return STATUS_LABELS[t.status] + (f" by {t.acquired_by}" if t.acquired_by else "")

    specs = [
        ("Summary", lambda t: t.summary, lambda t: text(t.summary)),
        ("Home category", lambda t: t.home,
         lambda t: f'<a href="{category_href(root, t.home)}">{text(catalog.categories[t.home].title)}</a>'),
        ("Licence", lambda t: t.license,
         lambda t: f'{text(LICENSE_KIND_LABELS[t.license_kind])}<br><span class="atlas-note">{text(t.license)}</span>'),
        ("Offering", lambda t: sorted(t.offering), lambda t: text(", ".join(OFFERING_LABELS[o] for o in t.offering))),
        ("Pricing", lambda t: t.pricing, lambda t: text(PRICING_LABELS[t.pricing])),
        ("Status", status, lambda t: text(status(t))),
        ("Maintainer", lambda t: t.maintainer, lambda t: text(t.maintainer)),
        ("Fits", lambda t: sorted(t.fit), lambda t: text(", ".join(FIT_LABELS[f] for f in t.fit))),
        ("Requires", lambda t: sorted(t.requires),
         lambda t: text(", ".join(REQUIRES_LABELS[r] for r in t.requires) or "Nothing beyond a computer")),
        ("Categories", lambda t: sorted(t.categories),
         lambda t: ", ".join(f'<a href="{category_href(root, c)}">{text(catalog.categories[c].title)}</a>' for c in t.categories)),
        ("Homepage", lambda t: t.homepage, lambda t: external_link(t.homepage, "homepage")),
        ("Repository", lambda t: t.repository or "", lambda t: external_link(t.repository, "repository") if t.repository else "Not public"),
    ]
    return [(label, [value(t) for t in tools], [cell(t) for t in tools]) for label, value, cell in specs]


def comparison_table(catalog: Catalog, tools: list[Tool], root: str) -> str:
    head = "".join(f'<th scope="col"><a href="{tool_href(root, t.id)}">{text(t.name)}</a></th>' for t in tools)
    rows = []
    for label, values, cells in fact_rows(catalog, tools, root):
        rows.append(_row(label, values, cells, differ_check=label not in ("Summary", "Homepage", "Repository")))
    for cat_id in shared_categories(catalog, tools):
        category = catalog.categories[cat_id]
        rows.append(f'<tr class="atlas-compare-group"><th scope="colgroup" colspan="{len(tools) + 1}">'
                    f'<a href="{category_href(root, cat_id)}">{text(category.title)}</a></th></tr>')
        for criterion in category.criteria:
            values, cells = [], []
            for t in tools:
                if cat_id not in t.categories:
                    values.append("n/a")
                    cells.append('<span class="atlas-note">Not in this category</span>')
                    continue
                answer = t.answer(cat_id, criterion.id)
                values.append(answer.value)
                cell = answer_cell(answer.value)
                if answer.note:
                    cell += f'<br><span class="atlas-note">{text(answer.note)}</span>'
                if answer.source:
                    cell += f"<br>{external_link(answer.source, 'source')}"
                cells.append(cell)
            label = f'<span class="atlas-criterion" title="{text(criterion.help)}">{text(criterion.label)}</span>'
            rows.append(_row(label, values, cells, differ_check=True, label_is_html=True))
    return (f'<div class="atlas-scroll"><table class="atlas-side-by-side"><thead><tr><td></td>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _row(label: str, values: list, cells: list[str], *, differ_check: bool, label_is_html: bool = False) -> str:
    differs = differ_check and len({repr(v) for v in values}) > 1
    mark = ' class="atlas-differs"' if differs else ""
    flag = '<span class="atlas-differs-mark" title="The tools differ here">≠</span> ' if differs else ""
    shown = label if label_is_html else text(label)
    return f'<tr{mark}><th scope="row">{flag}{shown}</th>{"".join(f"<td>{c}</td>" for c in cells)}</tr>'


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
        "## Side by side",
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
    """The interactive compare page: a picker and a table filled by atlas.js from api/catalog.json."""
    curated = comparison_links(catalog, root)
    body = (f'<div class="atlas-compare-app" data-atlas-compare data-catalog="{root}api/catalog.json" data-root="{root}" '
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
    return generated("compare.compare_app", body + "<h2 id=\"curated\">Curated comparisons</h2>"
                     + (listing(curated, "atlas-curated") if curated else "<p>None yet.</p>"))
