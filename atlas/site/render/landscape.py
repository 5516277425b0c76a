"""The landscape map (every stage and category as a panel of tool chips) and its SVG poster."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from atlas.core.model import INACTIVE, Catalog, Tool
from atlas.site.render.html import category_href, count_label, generated, logo, text, tool_href


POSTER_PATH = "map/mlops-atlas-poster.svg"
_MARKS = {"open-source": ("OSS", "open source"), "source-available": ("SA", "source-available"),
          "proprietary": ("$", "commercial")}


def chip(tool: Tool, root: str) -> str:
    mark, label = _MARKS[tool.license_kind]
    name = text(tool.name)
    inactive = ""
    if tool.status in INACTIVE:
        name = f"<del>{name}</del>"
        inactive = f'<span class="atlas-visually-hidden"> ({text(tool.status)})</span>'
    return (f'<li><a class="atlas-chip atlas-chip--{tool.license_kind}" href="{tool_href(root, tool.id)}">{logo(root, tool, 14)}{name}{inactive}'
            f'<abbr class="atlas-chip-mark" title="{label}">{mark}</abbr></a></li>')


def landscape_map(catalog: Catalog, root: str) -> str:
    sections = []
    for stage in catalog.stages:
        panels = []
        for category in stage.categories:
            chips = "".join(chip(t, root) for t in sorted(category.home_tools, key=lambda t: t.name.casefold()))
            panels.append(f'<section class="atlas-panel" id="map-{text(category.id)}" aria-labelledby="map-{text(category.id)}-title">'
                          f'<h3 id="map-{text(category.id)}-title"><a href="{category_href(root, category.id)}">{text(category.title)}</a> '
                          f'<span class="atlas-count">{count_label(category)}</span></h3>'
                          f'<ul class="atlas-chips">{chips}</ul></section>')
        sections.append(f'<section class="atlas-map-stage" id="map-stage-{text(stage.id)}"><h2>{text(stage.title)}</h2>'
                        f'<div class="atlas-panels">{"".join(panels)}</div></section>')
    legend = ('<p class="atlas-map-legend">Each tool appears once, in its home category; the count beside a category also '
              'gives the tools based elsewhere that reach in (they are listed on the category page). Marks: '
              '<abbr class="atlas-chip-mark" title="open source">OSS</abbr> open source, '
              '<abbr class="atlas-chip-mark" title="source-available">SA</abbr> source-available, '
              '<abbr class="atlas-chip-mark" title="commercial">$</abbr> commercial; '
              '<del>struck through</del>: archived or discontinued. '
              f'<a href="{root}{POSTER_PATH}" download>Download the map as an SVG poster</a>.</p>')
    return generated("landscape.landscape_map", legend + '<div class="atlas-map">' + "".join(sections) + "</div>")


# Poster layout, in SVG user units.
_COL_W, _GAP, _LINE, _HEAD, _MARGIN = 260, 20, 16, 26, 40
_COLOURS = {"open-source": "#1b7f3b", "source-available": "#8a5a00", "proprietary": "#3f4a5a"}


def poster_svg(catalog: Catalog) -> str:
    """One column per stage, a box per category, one line per tool. Deterministic: same catalog, same bytes."""
    stages = [s for s in catalog.stages if s.categories]
    columns = []
    height = 0
    for i, stage in enumerate(stages):
        x = _MARGIN + i * (_COL_W + _GAP)
        y = _MARGIN + 50
        parts = [f'<text x="{x}" y="{y}" class="stage">{xml_escape(stage.title)}</text>']
        y += 14
        for category in stage.categories:
            tools = sorted(category.home_tools, key=lambda t: t.name.casefold())
            box_h = _HEAD + _LINE * max(len(tools), 1) + 8
            parts.append(f'<rect x="{x}" y="{y}" width="{_COL_W}" height="{box_h}" rx="6" class="box"/>')
            parts.append(f'<text x="{x + 10}" y="{y + 18}" class="cat">{xml_escape(category.title)}</text>')
            for j, tool in enumerate(tools):
                deco = ' text-decoration="line-through"' if tool.status in INACTIVE else ""
                mark = _MARKS[tool.license_kind][0]
                parts.append(f'<text x="{x + 14}" y="{y + _HEAD + 12 + j * _LINE}" fill="{_COLOURS[tool.license_kind]}" '
                             f'class="tool"{deco}>{xml_escape(tool.name)} <tspan class="mark">{xml_escape(mark)}</tspan></text>')
            y += box_h + 12
        height = max(height, y)
        columns.append("".join(parts))
    width = 2 * _MARGIN + len(stages) * (_COL_W + _GAP) - _GAP
    height += _MARGIN + 20
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-labelledby="poster-title">'
            '<title id="poster-title">MLOps Atlas: the tool landscape by stage and category</title>'
            '<style>text{font-family:sans-serif}.stage{font-size:20px;font-weight:700;fill:#1a237e}'
            '.cat{font-size:13px;font-weight:700;fill:#111}.tool{font-size:12px}.mark{font-size:9px;fill:#666}'
            '.box{fill:#f5f6fa;stroke:#c5cae9}</style>'
            f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
            f'<text x="{_MARGIN}" y="{_MARGIN + 10}" style="font-size:26px;font-weight:700">MLOps Atlas</text>'
            f'<text x="{_MARGIN}" y="{height - 20}" style="font-size:11px;fill:#555">{len(catalog.tools)} tools. '
            'OSS open source, SA source-available, $ commercial; struck through: archived or discontinued. '
            'Data: CC BY 4.0.</text>'
            + "".join(columns) + "</svg>\n")
