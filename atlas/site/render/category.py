"""The category page and the home page's map of stages."""

from __future__ import annotations

from atlas.core.model import Catalog, Category, Tool
from atlas.site.render import table
from atlas.site.render.learning import steps_using
from atlas.site.render.terms import glossed
from atlas.site.render.compare import MAX_INTERACTIVE, comparison_links
from atlas.site.render.html import (LICENSE_KIND_LABELS, STATUS_LABELS, badge, category_href, count_label, generated, listing,
                                    logo, text, tool_href)


def category_page(catalog: Catalog, category: Category, root: str) -> str:
    stage = next(s for s in catalog.stages if s.id == category.stage)
    header = (f'<h1 id="category-title">{text(category.title)}</h1>'
              f'<div class="atlas-category-header"><p class="atlas-eyebrow" data-search-exclude>Stage: {text(stage.title)}</p>'
              f'<p class="atlas-summary">{text(category.summary)}</p>{also_called(category)}</div>')
    seen: set[str] = set()  # explain each glossary term once per page
    parts = [
        generated("category.category_page", header),
        steps_using(catalog, root, category_id=category.id),
        "## The problem",
        generated("category.category_page", f"<p>{glossed(catalog, category.problem, seen)}</p>"),
        "## Do you need it yet?",
        need_it(catalog, category, seen),
        "## Questions to ask when choosing",
        generated("category.category_page", listing([text(q) for q in category.questions], "atlas-questions")),
        "## Compare them { data-search-exclude }",
        compare_links(catalog, category, root),
        table.comparison_table(catalog, category, root),
        "## Tools { data-search-exclude }",
        tool_cards(catalog, category, root),
    ]
    return "\n\n".join(parts) + "\n"


def also_called(category: Category) -> str:
    """Other names for the same kind of tool, so a reader who searched for one knows they are in the right place."""
    if not category.aliases:
        return ""
    return f'<p class="atlas-aliases">Also called: {", ".join(text(a) for a in category.aliases)}</p>'


def compare_links(catalog: Catalog, category: Category, root: str) -> str:
    """"Compare these": the first home tools side by side, plus curated comparisons involving this category's tools.
    With JavaScript the link follows the table: the ticked tools, or else the first rows the filters leave."""
    ids = [t.id for t in category.tools][:MAX_INTERACTIVE]
    links = []
    if len(ids) >= 2:
        links.append(f'<a href="{root}compare/?tools={",".join(ids)}" data-atlas-compare-link="compare-{text(category.id)}" '
                     f'data-root="{root}">Compare these side by side</a> '
                     '<span class="atlas-note" data-atlas-compare-which>(the first tools in the table; add or remove tools on '
                     "the compare page)</span>")
    links += comparison_links(catalog, root, {t.id for t in category.home_tools})
    return generated("category.compare_links", listing(links, "atlas-compare-links") if links else "")


def need_it(catalog: Catalog, category: Category, seen: set[str]) -> str:
    body = ('<div class="atlas-need grid cards"><div class="atlas-need-now"><p><strong>You need it when</strong></p>'
            + listing([glossed(catalog, x, seen) for x in category.need_it_when])
            + '</div><div class="atlas-can-wait"><p><strong>It can wait if</strong></p>'
            + listing([glossed(catalog, x, seen) for x in category.can_wait_if]) + "</div></div>")
    return generated("category.need_it", body)


def tool_cards(catalog: Catalog, category: Category, root: str) -> str:
    """Home tools first, then tools whose home is elsewhere but which also do this job."""
    cards = [_card(catalog, tool, root, reach=False) for tool in category.home_tools]
    cards += [_card(catalog, tool, root, reach=True) for tool in category.reach_tools]
    if not cards:
        return generated("category.tool_cards", "<p>No tools listed yet.</p>")
    return generated("category.tool_cards", '<ul class="atlas-cards">' + "".join(cards) + "</ul>")


def _card(catalog: Catalog, tool: Tool, root: str, *, reach: bool) -> str:
    marks = [badge(LICENSE_KIND_LABELS[tool.license_kind], tool.license_kind)]
    if tool.status != "active":
        marks.append(badge(STATUS_LABELS[tool.status], f"status-{tool.status}"))
    reach_label = ""
    if reach:
        home = catalog.categories[tool.home]
        reach_label = f'<p class="atlas-reach">Reaches in from <a href="{category_href(root, home.id)}">{text(home.title)}</a></p>'
    kind = "reach" if reach else "home"
    return (f'<li class="atlas-card atlas-card--{kind}" data-tool="{text(tool.id)}">'
            f'<p class="atlas-card-title">{logo(root, tool)}<a href="{tool_href(root, tool.id)}">{text(tool.name)}</a></p>'
            f'<p>{text(tool.summary)}</p><p class="atlas-badges">{" ".join(marks)}</p>{reach_label}</li>')


def stages_overview(catalog: Catalog, root: str) -> str:
    """Home page: every stage in lifecycle order with its categories and tool counts."""
    sections = []
    for stage in catalog.stages:
        items = [f'<a href="{category_href(root, c.id)}">{text(c.title)}</a> '
                 f'<span class="atlas-count">{count_label(c)}</span> '
                 f'<span class="atlas-note">{text(c.summary)}</span>' for c in stage.categories]
        sections.append(f'<section class="atlas-stage" id="stage-{text(stage.id)}"><h2>{text(stage.title)} '
                        f'<span class="atlas-count">{_tools(stage.tool_count)}</span></h2>'
                        f"<p>{text(stage.summary)}</p>{listing(items, 'atlas-stage-categories')}</section>")
    return generated("category.stages_overview", '<div class="atlas-stages">' + "".join(sections) + "</div>")


def _tools(n: int) -> str:
    return f"{n} tool" + ("" if n == 1 else "s")
