"""Starter stacks: an overview of the personas and one page per stack."""

from __future__ import annotations

from atlas.core.model import Catalog, Stack
from atlas.site.render.html import category_href, generated, listing, text, tool_href


def stack_href(root: str, stack_id: str) -> str:
    return f"{root}stacks/{stack_id}/"


def stacks_overview(catalog: Catalog, root: str) -> str:
    items = [f'<a href="{stack_href(root, s.id)}">{text(s.title)}</a>: {text(s.persona)}'
             f'<br><span class="atlas-note">{", ".join(text(catalog.tools[p.tool].name) for p in s.picks)}</span>'
             for s in catalog.stacks]
    return generated("stacks.stacks_overview", listing(items, "atlas-stacks"))


def stack_page(catalog: Catalog, stack: Stack, root: str) -> str:
    rows = []
    for pick in stack.picks:
        tool = catalog.tools[pick.tool]
        alternatives = ", ".join(f'<a href="{tool_href(root, a)}">{text(catalog.tools[a].name)}</a>' for a in pick.alternatives)
        rows.append(f'<tr data-tool="{text(tool.id)}"><th scope="row"><a href="{category_href(root, pick.category)}">'
                    f'{text(catalog.categories[pick.category].title)}</a></th>'
                    f'<td><a href="{tool_href(root, tool.id)}">{text(tool.name)}</a></td><td>{text(pick.why)}</td>'
                    f'<td>{alternatives or "None listed"}</td></tr>')
    body = (f'<h1 id="stack-title">{text(stack.title)}</h1><p class="atlas-summary">{text(stack.persona)}</p>'
            f"<p>{text(stack.summary)}</p>"
            '<div class="atlas-scroll"><table class="atlas-stack"><thead><tr><th scope="col">Slot</th><th scope="col">Pick</th>'
            f'<th scope="col">Why</th><th scope="col">Alternatives</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            f'<p class="atlas-note">Picks follow the data in catalog/stacks.yaml; <a href="{root}stacks/">all stacks</a>.</p>')
    return generated("stacks.stack_page", body) + "\n"


def stacks_using(catalog: Catalog, root: str, tool_id: str) -> str:
    stacks = [s for s in catalog.stacks if any(p.tool == tool_id for p in s.picks)]
    if not stacks:
        return ""
    links = ", ".join(f'<a href="{stack_href(root, s.id)}">{text(s.title)}</a>' for s in stacks)
    return generated("stacks.stacks_using", f'<p class="atlas-in-stacks" data-search-exclude><strong>Picked in the starter stacks:</strong> {links}</p>')
