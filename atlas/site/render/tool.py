"""The tool page: every field of an entry, in readable form."""

from __future__ import annotations

from atlas.core.model import Catalog, Tool
from atlas.site.render import provenance
from atlas.site.render.amoeba import stage_strip
from atlas.site.render.learning import steps_using
from atlas.site.render.stacks import stacks_using
from atlas.site.render.github import archived_notice, github_row
from atlas.site.render.table import answer_anchor
from atlas.site.render.html import (FIT_LABELS, LICENSE_KIND_LABELS, OFFERING_LABELS, PRICING_LABELS, REQUIRES_LABELS,
                               STATUS_LABELS, answer_cell, badge, category_href, external_link, generated, internal_link,
                               listing, logo, prose, text, tool_href)


def tool_page(catalog: Catalog, tool: Tool, root: str) -> str:
    """Markdown for /tools/<id>/: fixed headings in Markdown, contributed values in escaped HTML blocks."""
    parts = [
        tool_header(tool, root),
        stage_strip(catalog, tool, root),
        steps_using(catalog, root, tool_id=tool.id) + stacks_using(catalog, root, tool.id),
        "## Facts { data-search-exclude }",
        tool_facts(catalog, tool, root),
        "## Comparison answers { data-search-exclude }",
        tool_answers(catalog, tool),
        "## How it differs",
        tool_differences(catalog, tool, root),
        "## Sources { data-search-exclude }",
        tool_sources(tool),
    ]
    return "\n\n".join(parts) + "\n"


def tool_header(tool: Tool, root: str = "") -> str:
    badges = [badge(LICENSE_KIND_LABELS[tool.license_kind], tool.license_kind), badge(PRICING_LABELS[tool.pricing], "pricing")]
    # The status always comes first: it is what a search result must show next to the summary.
    badges.insert(0, badge(STATUS_LABELS[tool.status], f"status-{tool.status}"))
    # The h1 is not nested in the div: the theme's search indexes the text after a nested heading under the page's
    # top entry, which then previews whatever follows the header (the stage strip) instead of the summary.
    body = (f'<h1 id="tool-name">{logo(root, tool, 40)}{text(tool.name)}</h1><div class="atlas-tool-header">'
            f'<p class="atlas-summary">{text(tool.summary)}</p><p class="atlas-badges">{" ".join(badges)}</p>'
            f"{status_notice(tool)}{archived_notice(tool)}"
            f'<p class="atlas-description">{prose(tool.description)}</p></div>')
    return generated("tool.tool_header", body)


def status_notice(tool: Tool) -> str:
    """A visible warning for tools a newcomer should not adopt without knowing their status."""
    if tool.status == "active":
        return ""
    title = STATUS_LABELS[tool.status]
    if tool.acquired_by:
        title += f" by {tool.acquired_by}"
    return (f'<div class="admonition warning atlas-status"><p class="admonition-title">{text(title)}</p>'
            f"<p>{text(tool.status_note or '')}</p></div>")


def tool_facts(catalog: Catalog, tool: Tool, root: str) -> str:
    home = catalog.categories[tool.home]
    reach = [catalog.categories[c] for c in tool.categories[1:]]
    licence = text(tool.license)
    if tool.license != "Proprietary":
        licence += f" ({text(LICENSE_KIND_LABELS[tool.license_kind].lower())})"
    if tool.license_note:
        licence += f'<br><span class="atlas-note">{text(tool.license_note)}</span>'
    licence += f"<br>{provenance.licence_provenance(tool)}"
    status = text(STATUS_LABELS[tool.status])
    if tool.acquired_by:
        status += f" by {text(tool.acquired_by)}"
    if tool.status_note:
        status += f'<br><span class="atlas-note">{text(tool.status_note)}</span>'
    status += f"<br>{provenance.status_provenance(tool)}"
    rows = [
        ("Homepage", external_link(tool.homepage)),
        ("Repository", external_link(tool.repository) if tool.repository else "Not public"),
        ("Documentation", external_link(tool.documentation) if tool.documentation else "Not listed"),
        ("Licence", licence),
        ("Offering", text(", ".join(OFFERING_LABELS[o] for o in tool.offering))),
        ("Self-hosting", provenance.self_hosting_cell(tool)),
        ("Pricing", text(PRICING_LABELS[tool.pricing])),
        ("Maintainer", text(tool.maintainer)),
        ("Status", status),
        ("Home category", internal_link(category_href(root, home.id), home.title)),
        ("Also covers", ", ".join(internal_link(category_href(root, c.id), c.title) for c in reach) or "Nothing else"),
        ("Fits", text(", ".join(FIT_LABELS[f] for f in tool.fit))),
        ("Requires", text(", ".join(REQUIRES_LABELS[r] for r in tool.requires)) or "Nothing beyond a computer"),
        ("Last reviewed", f'<time datetime="{text(tool.reviewed)}">{text(tool.reviewed)}</time>'),
        *github_row(tool),
    ]
    body = '<table class="atlas-facts"><tbody>' + "".join(
        f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows) + "</tbody></table>"
    return generated("tool.tool_facts", body)


def tool_answers(catalog: Catalog, tool: Tool) -> str:
    """One table per category of the tool; a missing answer shows as Unknown, never as No."""
    blocks = []
    for cat_id in tool.categories:
        category = catalog.categories[cat_id]
        rows = []
        for criterion in category.criteria:
            answer = tool.answer(cat_id, criterion.id)
            source = external_link(answer.source, "source") if answer.source else ""
            rows.append(f'<tr id="{answer_anchor(cat_id, criterion.id)}"><th scope="row">{text(criterion.label)}</th>'
                        f"<td>{answer_cell(answer.value)}</td><td>{prose(answer.note or '')}</td><td>{source}</td></tr>")
        role = "home category" if cat_id == tool.home else "also covers"
        blocks.append(f'<table class="atlas-answers" data-category="{text(cat_id)}"><caption>{text(category.title)} '
                      f'<span class="atlas-note">({role})</span></caption>'
                      "<thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Answer</th>"
                      "<th scope=\"col\">Note</th><th scope=\"col\">Source</th></tr></thead>"
                      f"<tbody>{''.join(rows)}</tbody></table>")
    return generated("tool.tool_answers", '<div class="atlas-answer-tables">' + "".join(blocks) + "</div>")


def tool_differences(catalog: Catalog, tool: Tool, root: str) -> str:
    if not tool.differs_from:
        return generated("tool.tool_differences", "<p>No comparison written yet.</p>")
    items = [f"{internal_link(tool_href(root, d.tool), catalog.tools[d.tool].name)}: {text(d.how)}" for d in tool.differs_from]
    ids = ",".join([tool.id] + [d.tool for d in tool.differs_from][:3])
    compare = f'<p><a class="md-button" href="{root}compare/?tools={ids}">Compare side by side</a></p>'
    return generated("tool.tool_differences", listing(items, "atlas-differences") + compare)


def tool_sources(tool: Tool) -> str:
    return generated("tool.tool_sources", listing([external_link(url) for url in tool.sources], "atlas-sources"))
