"""Guides generated from the data: the kinds of store, "Do I need this yet?" and "How to choose"."""

from __future__ import annotations

from atlas.core.model import Catalog
from atlas.site.render.html import LICENSE_KIND_LABELS, category_href, generated, heading, listing, text, tool_href
from atlas.site.render.terms import glossed


def stores_guide(catalog: Catalog, root: str) -> str:
    sections = []
    for store in catalog.stores:
        seen: set[str] = set()
        groups = []
        for cat_id in store.categories:
            category = catalog.categories[cat_id]
            tools = [f'<a href="{tool_href(root, t.id)}">{text(t.name)}</a> <span class="atlas-note">'
                     f'({text(LICENSE_KIND_LABELS[t.license_kind].lower())}{"" if t in category.home_tools else ", also does this"})</span>'
                     for t in category.tools]
            groups.append(f'<p><strong>Tools in <a href="{category_href(root, cat_id)}">{text(category.title)}</a></strong> '
                          f'({len(tools)}):</p>' + (listing(tools, "atlas-inline-list") if tools else "<p>None yet.</p>"))
        sections.append(
            f'<section class="atlas-store">{heading(2, store.id, text(store.title))}'
            f"<p><strong>What it is:</strong> {glossed(catalog, store.what, seen)}</p>"
            f"<p><strong>The problem it solves:</strong> {glossed(catalog, store.problem, seen)}</p>"
            f"<p><strong>When a reasonable-scale team needs it:</strong> {glossed(catalog, store.when, seen)}</p>"
            + "".join(groups) + "</section>")
    return generated("guides.stores_guide", "".join(sections))


def need_it_yet(catalog: Catalog, root: str) -> str:
    rows = []
    for stage in catalog.stages:
        for c in stage.categories:
            rows.append(f'<tr><th scope="row"><a href="{category_href(root, c.id)}">{text(c.title)}</a>'
                        f'<br><span class="atlas-note">{text(stage.title)}</span></th>'
                        f"<td>{listing([text(x) for x in c.need_it_when])}</td><td>{listing([text(x) for x in c.can_wait_if])}</td></tr>")
    return generated("guides.need_it_yet", '<div class="atlas-scroll"><table class="atlas-need-table"><thead><tr>'
                     '<th scope="col">Category</th><th scope="col">You need it when</th><th scope="col">It can wait if</th>'
                     f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def how_to_choose(catalog: Catalog, root: str) -> str:
    sections = []
    for stage in catalog.stages:
        for c in stage.categories:
            sections.append(f'<section>{heading(3, "choose-" + c.id, text(c.title))}'
                            f'{listing([text(q) for q in c.questions])}'
                            f'<p><a href="{category_href(root, c.id)}#compare-them">Compare the {len(c.tools)} tools in this category</a></p></section>')
    return generated("guides.how_to_choose", "".join(sections))
