"""Nothing lost: after the build, every valid entry must have its page, its export, and every promised field.

A renderer bug, a template that swallows a field, or a page silently skipped would otherwise publish
a site that looks fine but drops data. The audit reads the built files, not the renderers' output.
"""

from __future__ import annotations

import json
from pathlib import Path

from atlas.core.model import Catalog, Tool
from atlas.site.render.html import prose, text

# Fields the tool page shows as prose (backtick spans as code); every other field is shown as plain text.
PROSE_FIELDS = frozenset({"description"})


def shown_as(field: str, value: str) -> str:
    """The HTML a field's value becomes on the tool page."""
    prose_field = field in PROSE_FIELDS or (field.startswith("criteria.") and field.endswith(".note"))
    return prose(value) if prose_field else text(value)


def promised_fields(tool: Tool) -> list[tuple[str, str]]:
    """(field, value) pairs the tool page promises to show, in the form the page shows them."""
    fields = [(name, getattr(tool, name)) for name in
              ("name", "summary", "description", "homepage", "repository", "documentation", "license", "license_note",
               "maintainer", "status_note", "acquired_by", "reviewed")]
    fields += [("license_source", tool.license_source)]
    if tool.status_evidence:
        fields += [("status_evidence.source", tool.status_evidence.source), ("status_evidence.note", tool.status_evidence.note)]
    if tool.self_hosting:
        fields += [("self_hosting.source", tool.self_hosting.source), ("self_hosting.note", tool.self_hosting.note)]
    fields += [(f"differs_from[{i}].how", d.how) for i, d in enumerate(tool.differs_from)]
    fields += [(f"sources[{i}]", url) for i, url in enumerate(tool.sources)]
    for category, answers in tool.criteria.items():
        for criterion, answer in answers.items():
            fields += [(f"criteria.{category}.{criterion}.{part}", getattr(answer, part)) for part in ("note", "source")]
    return [(name, value) for name, value in fields if value]


def audit_site(catalog: Catalog, site_dir: Path) -> list[str]:
    problems = []
    pages = {p.parent.name for p in (site_dir / "tools").glob("*/index.html")}
    for tool_id in sorted(set(catalog.tools) - pages):
        problems.append(f"tools/{tool_id}/index.html: missing page for a valid entry")
    for tool_id in sorted(pages - set(catalog.tools)):
        problems.append(f"tools/{tool_id}/index.html: page for a tool that is not in the catalog")
    exported = json.loads((site_dir / "api" / "catalog.json").read_text(encoding="utf-8"))["tools"]
    exported_ids = [t["id"] for t in exported]
    if sorted(exported_ids) != sorted(catalog.tools):
        problems.append(f"api/catalog.json: {len(exported_ids)} tools exported, {len(catalog.tools)} valid entries")
    for tool in catalog.tools.values():
        page = site_dir / "tools" / tool.id / "index.html"
        if not page.exists():
            continue
        html = page.read_text(encoding="utf-8")
        for field, value in promised_fields(tool):
            if shown_as(field, value) not in html:
                problems.append(f"tools/{tool.id}/index.html: field {field} is not shown")
    return problems
