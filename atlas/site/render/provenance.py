"""Where a tool's licence, status and self-hosting facts come from, and how old that evidence is.

Shown next to each fact on the tool page, so a reader can check it in one click; the "Entries to review" page
lists the entries whose evidence is oldest. Ages are measured from the entry's `reviewed` date, never the clock:
the same catalog gives the same page.
"""

from __future__ import annotations

import datetime as dt
import re

from atlas.core.model import Tool
from atlas.site.render.html import external_link, text

SELF_HOSTING_LABELS = {"free": "Free to self-host", "paid": "Self-hosting needs a paid licence", "none": "Not self-hostable"}
_GITHUB_FILE = re.compile(r"^https://github\.com/[^/]+/[^/]+/blob/([^/]+)/(.+)$")
_PACKAGE = re.compile(r"^https://pypi\.org/project/([^/]+)/([^/]+)/?$")


def source_label(url: str) -> str:
    """'LICENSE at v2.6.0' for a repository file, 'lakefs-sdk 1.87.0 on PyPI' for a package page, else 'source'."""
    github = _GITHUB_FILE.match(url)
    if github:
        ref, path = github.group(1), github.group(2)
        return f"{path} at {ref[:10] if re.fullmatch(r'[0-9a-f]{40}', ref) else ref}"
    package = _PACKAGE.match(url)
    if package:
        return f"{package.group(1)} {package.group(2)} on PyPI"
    return "source"


def age(evidence_date: str, reviewed: str) -> str:
    """How long before the review the evidence is dated, in words: 'the same month', '8 months', '2 years'."""
    try:
        then = dt.date.fromisoformat(evidence_date if len(evidence_date) == 10 else evidence_date + "-01")
        now = dt.date.fromisoformat(reviewed)
    except ValueError:
        return ""
    months = (now.year - then.year) * 12 + now.month - then.month
    if months <= 0:
        return "the same month as the review"
    if months < 24:
        return f"{months} month{'s' if months > 1 else ''} before the review"
    return f"{months // 12} years before the review"


def licence_provenance(tool: Tool) -> str:
    if tool.license_source:
        return f'<span class="atlas-provenance">Read from {external_link(tool.license_source, source_label(tool.license_source))}</span>'
    return '<span class="atlas-provenance">No public licence file: the vendor\'s terms apply</span>'


def status_provenance(tool: Tool) -> str:
    evidence = tool.status_evidence
    if evidence is None:
        return f'<span class="atlas-provenance">Checked against the repository and announcements on {_time(tool.reviewed)}</span>'
    when = age(evidence.date, tool.reviewed)
    note = f" {text(evidence.note)}" if evidence.note else ""
    return (f'<span class="atlas-provenance">Evidence: {external_link(evidence.source, "source")}, dated {_time(evidence.date)}'
            f'{f" ({text(when)})" if when else ""}.{note}</span>')


def self_hosting_cell(tool: Tool) -> str:
    hosting = tool.self_hosting
    if hosting is None:
        return "Not recorded yet"
    note = f'<br><span class="atlas-note">{text(hosting.note)}</span>' if hosting.note else ""
    return f"{text(SELF_HOSTING_LABELS[hosting.value])}{note}<br><span class=\"atlas-provenance\">{external_link(hosting.source, 'source')}</span>"


def _time(day: str) -> str:
    return f'<time datetime="{text(day)}">{text(day)}</time>'
