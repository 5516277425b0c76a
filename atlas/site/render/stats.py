"""The statistics page: the catalog counted, as SVG bar charts drawn here (no chart library, no CDN).

Every chart is followed by a table with the same numbers, for screen readers and for copying;
both come from one list of (label, count) rows, so they cannot disagree. Labels are contributed
or taxonomy text and are escaped like any other text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from atlas.core.model import Catalog
from atlas.site.render.html import LICENSE_KIND_LABELS, OFFERING_LABELS, STATUS_LABELS, generated, text

TOP_MAINTAINERS = 10


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    href: str | None = None  # relative to the site root


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    caption: str
    column: str  # header of the label column in the table
    rows: tuple[Row, ...]


def charts(catalog: Catalog) -> list[Chart]:
    """Every chart of the page, in reading order; rows in the taxonomy's or the vocabulary's order, else by count."""
    tools = list(catalog.tools.values())
    home_stage = {t.id: catalog.categories[t.home].stage for t in tools}
    kinds = Counter(t.license_kind for t in tools)
    offerings = Counter(o for t in tools for o in t.offering)
    statuses = Counter(t.status for t in tools)
    maintainers = Counter(t.maintainer for t in tools)
    breadth = Counter(len(t.categories) for t in tools)
    return [
        Chart("stages", "Tools per lifecycle stage", "Each tool counted once, in the stage of its home category.", "Stage",
              tuple(Row(s.title, sum(1 for t in tools if home_stage[t.id] == s.id)) for s in catalog.stages)),
        Chart("categories", "Tools per category", "Tools whose home (first) category this is. Tools that also do the job "
              "from another home category are counted in the reach chart below.", "Category",
              tuple(Row(c.title, len(c.home_tools), f"categories/{c.id}/") for s in catalog.stages for c in s.categories)),
        Chart("license-kind", "Open source or not", "From each tool's licence: open source (an OSI licence), "
              "source-available (public code under a licence that is not open source), or proprietary.", "Kind",
              tuple(Row(label, kinds[kind]) for kind, label in LICENSE_KIND_LABELS.items())),
        Chart("licenses", "Licences", "The licence of each tool as written in its entry (an SPDX expression or Proprietary).",
              "Licence", _by_count(Counter(t.license for t in tools))),
        Chart("offering", "How tools are offered", "A tool can be offered in several ways, so these add up to more than the "
              "number of tools.", "Offering", tuple(Row(label, offerings[key]) for key, label in OFFERING_LABELS.items())),
        Chart("status", "Status", "Whether a tool is still developed.", "Status",
              tuple(Row(label, statuses[key]) for key, label in STATUS_LABELS.items())),
        Chart("maintainers", "Maintainers with the most entries", f"The {TOP_MAINTAINERS} maintainers with the most tools "
              "(ties by name), as written in the entries.", "Maintainer", _by_count(maintainers)[:TOP_MAINTAINERS]),
        Chart("reach", "Reach: how many categories tools span", "How many categories each tool covers, its home category "
              "included. Broad tools are listed on the reach page.", "Categories",
              tuple(Row(f"{n} categor{'y' if n == 1 else 'ies'}", breadth[n]) for n in range(1, max(breadth, default=0) + 1))),
    ]


def _by_count(counter: Counter) -> tuple[Row, ...]:
    return tuple(Row(label, n) for label, n in sorted(counter.items(), key=lambda item: (-item[1], item[0].casefold(), item[0])))


# Chart layout, in SVG user units: a label line above each bar.
_WIDTH, _LABEL_H, _BAR_H, _GAP, _BAR_MAX, _PAD = 640, 16, 14, 8, 560, 4


def bar_chart(chart: Chart) -> str:
    """A horizontal bar chart; bars scale to the largest count. Every number is also in the table that follows."""
    top = max((r.count for r in chart.rows), default=0) or 1
    step = _LABEL_H + _BAR_H + _GAP
    height = len(chart.rows) * step + _PAD
    bars = []
    for i, row in enumerate(chart.rows):
        y = i * step + _PAD
        width = round(_BAR_MAX * row.count / top, 1)
        bars.append(f'<g class="atlas-bar" data-label="{text(row.label)}" data-value="{row.count}">'
                    f'<text x="0" y="{y + 12}">{text(row.label)}</text>'
                    f'<rect x="0" y="{y + _LABEL_H}" width="{width}" height="{_BAR_H}" rx="2" fill="#3f51b5"/>'
                    f'<text x="{width + 6}" y="{y + _LABEL_H + 11}" class="atlas-bar-value">{row.count}</text></g>')
    return (f'<svg class="atlas-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" '
            f'height="{height}" role="img" aria-labelledby="chart-{chart.id}-title" font-family="sans-serif" font-size="12">'
            f'<title id="chart-{chart.id}-title">{text(chart.title)}</title>{"".join(bars)}</svg>')


def table(chart: Chart, total: int, root: str) -> str:
    rows = []
    for row in chart.rows:
        label = f'<a href="{text(root + row.href)}">{text(row.label)}</a>' if row.href else text(row.label)
        share = f"{round(100 * row.count / total)} %" if total else "–"
        rows.append(f'<tr><th scope="row">{label}</th><td data-value="{row.count}">{row.count}</td><td>{share}</td></tr>')
    return (f'<table class="atlas-rules atlas-stats-table" id="table-{chart.id}"><caption>{text(chart.title)}: the numbers</caption>'
            f'<thead><tr><th scope="col">{text(chart.column)}</th><th scope="col">Tools</th><th scope="col">Share of all tools</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def stats_page(catalog: Catalog, root: str) -> str:
    total = len(catalog.tools)
    sections = [f'<section class="atlas-stat" id="stat-{chart.id}" aria-labelledby="stat-{chart.id}-title">'
                f'<h2 id="stat-{chart.id}-title">{text(chart.title)}</h2><p class="atlas-note">{text(chart.caption)}</p>'
                f'<figure class="atlas-chart-figure">{bar_chart(chart)}</figure>{table(chart, total, root)}</section>'
                for chart in charts(catalog)]
    intro = (f'<p>{total} tools in {len(catalog.categories)} categories, counted when the site was built. '
             f'Each chart is followed by a table with the same numbers; the data itself is under '
             f'<a href="{root}api/">API and data</a>.</p>')
    return generated("stats.stats_page", f'<div class="atlas-stats">{intro}{"".join(sections)}</div>')
