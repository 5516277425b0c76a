"""The "MLOps amoeba": which tools reach into which categories, and each tool's strip of stages."""

from __future__ import annotations

from atlas.core.model import Catalog, Tool
from atlas.site.render.html import category_href, generated, text, tool_href


def stage_strip(catalog: Catalog, tool: Tool, root: str) -> str:
    """A compact bar of every lifecycle stage, marking the tool's home stage and the stages it reaches."""
    home_stage = catalog.categories[tool.home].stage
    reached = {catalog.categories[c].stage for c in tool.categories}
    items = []
    for stage in catalog.stages:
        if stage.id == home_stage:
            state, label = "home", "home stage"
        elif stage.id in reached:
            state, label = "reach", "also covers"
        else:
            state, label = "none", "not covered"
        items.append(f'<li class="atlas-strip-{state}" data-stage="{text(stage.id)}">'
                     f'<span class="atlas-strip-name">{text(stage.title)}</span>'
                     f'<span class="atlas-visually-hidden">: {label}</span></li>')
    body = (f'<nav class="atlas-stage-strip" data-search-exclude aria-label="Lifecycle stages this tool covers">'
            f'<ol>{"".join(items)}</ol><a href="{root}reach/#reach-{text(tool.id)}">See all tools\' reach</a></nav>')
    return generated("amoeba.stage_strip", body)


def breadth(tool: Tool) -> int:
    return len(tool.categories)


def reach_matrix(catalog: Catalog, root: str) -> str:
    """Tools (rows, broadest first) by categories (columns, grouped by stage): H = home, + = reaches in."""
    stages = [s for s in catalog.stages if s.categories]
    columns = [c for s in stages for c in s.categories]
    stage_row = "".join(f'<th scope="colgroup" colspan="{len(s.categories)}" data-stage="{text(s.id)}">{text(s.title)}</th>'
                        for s in stages)
    category_row = "".join(
        f'<th scope="col" data-stage="{text(c.stage)}" class="atlas-vertical">'
        f'<a href="{category_href(root, c.id)}" title="{text(c.title)}"><span>{text(c.title)}</span></a></th>' for c in columns)
    tools = sorted(catalog.tools.values(), key=lambda t: (-breadth(t), t.name.casefold()))
    rows = []
    for tool in tools:
        covered = set(tool.categories)
        cells = []
        for c in columns:
            if c.id == tool.home:
                cells.append(f'<td class="atlas-home" data-stage="{text(c.stage)}"><span aria-hidden="true">●</span>'
                             f'<span class="atlas-visually-hidden">home</span></td>')
            elif c.id in covered:
                cells.append(f'<td class="atlas-reach-cell" data-stage="{text(c.stage)}"><span aria-hidden="true">○</span>'
                             f'<span class="atlas-visually-hidden">reaches in</span></td>')
            else:
                cells.append(f'<td data-stage="{text(c.stage)}"></td>')
        stages_of_tool = " ".join(sorted({catalog.categories[c].stage for c in tool.categories}))
        rows.append(f'<tr id="reach-{text(tool.id)}" data-breadth="{breadth(tool)}" data-name="{text(tool.name.casefold())}" '
                    f'data-stages="{text(stages_of_tool)}"><th scope="row"><a href="{tool_href(root, tool.id)}">{text(tool.name)}</a></th>'
                    f'<td class="atlas-breadth">{breadth(tool)}</td>{"".join(cells)}</tr>')
    options = "".join(f'<option value="{text(s.id)}">{text(s.title)}</option>' for s in stages)
    controls = (f'<form class="atlas-reach-controls" hidden aria-label="Sort and filter the matrix">'
                f'<label>Stage <select name="stage"><option value="">All stages</option>{options}</select></label>'
                f'<label>Sort by <select name="sort"><option value="breadth">Breadth (most categories first)</option>'
                f'<option value="name">Name</option></select></label></form>')
    body = (f'<div class="atlas-reach" data-atlas-reach>{controls}'
            f'<p class="atlas-reach-legend">● home category, ○ also covers. <span class="atlas-reach-count" aria-live="polite">'
            f'{len(tools)} tools</span>, broadest first.</p>'
            f'<div class="atlas-scroll"><table class="atlas-reach-matrix"><thead>'
            f'<tr><td colspan="2"></td>{stage_row}</tr>'
            f'<tr><th scope="col">Tool</th><th scope="col">Categories</th>{category_row}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></div>')
    return generated("amoeba.reach_matrix", body)
