"""The link check's reports: a Markdown summary for people (and the weekly issue) and JSON for tools."""

from __future__ import annotations

from atlas.links.allowlist import AllowedUrl
from atlas.links.check import STATUSES, LinkResult

FORMAT_VERSION = "1.0"
MAX_ROWS = 100  # per section: a GitHub issue body holds 65,536 characters; the JSON report has everything
MAX_PLACES = 3

# status -> (heading, what it means for the reader, extra column: (title, value))
_SECTIONS = {
    "broken": ("Broken", "Definite answers (404, 410, no such DNS name, a client error twice): fix or remove these.",
               ("answer", lambda r: r.detail)),
    "unreachable": ("Unreachable", "Failed on every attempt for reasons that may pass (timeouts, resets, 429, 5xx). "
                    "Often fine next run; look again if a URL stays here.",
                    ("answer", lambda r: f"{r.detail} ({r.attempts} attempt{'' if r.attempts == 1 else 's'})")),
    "redirected": ("Redirected", "Moved permanently: update the entry to the new address.",
                   ("new address", lambda r: r.new_url or "")),
    "skipped": ("Skipped", "Not requested: listed in links-allowlist.yaml.", ("reason", lambda r: r.detail)),
}


def counts(results: list[LinkResult]) -> dict[str, int]:
    return {status: sum(r.status == status for r in results) for status in STATUSES}


def json_report(results: list[LinkResult], unused: list[AllowedUrl]) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "counts": counts(results),
        "links": [r.as_json() for r in _ordered(results)],
        "unused_allowlist_entries": [{"url": e.url, "reason": e.reason} for e in unused],
    }


def markdown_report(results: list[LinkResult], unused: list[AllowedUrl]) -> str:
    n = counts(results)
    cached = sum(r.cached for r in results)
    summary = ", ".join(f"{n[s]} {s}" for s in STATUSES)
    lines = ["# External link report", "", f"Checked {len(results)} URLs: {summary} ({cached} answered from the cache)."]
    for status, (heading, meaning, (column, value)) in _SECTIONS.items():
        rows = [r for r in _ordered(results) if r.status == status]
        if not rows:
            continue
        lines += ["", f"## {heading} ({len(rows)})", "", meaning, "", f"| URL | {column} | where |", "|---|---|---|"]
        lines += [f"| {_cell(r.url)} | {_cell(value(r))} | {_cell(_places(r.where))} |" for r in rows[:MAX_ROWS]]
        if len(rows) > MAX_ROWS:
            lines += ["", f"... and {len(rows) - MAX_ROWS} more: see the JSON report."]
    if unused:
        lines += ["", f"## Allow-list entries no longer needed ({len(unused)})", "",
                  "They match no URL of this run: remove them from links-allowlist.yaml.", ""]
        lines += [f"- {_cell(e.url)}: {_cell(e.reason)}" for e in unused]
    if not any(n[s] for s in ("broken", "unreachable", "redirected")) and not unused:
        lines += ["", "Nothing to fix."]
    return "\n".join(lines) + "\n"


def _ordered(results: list[LinkResult]) -> list[LinkResult]:
    rank = {status: i for i, status in enumerate(STATUSES)}
    return sorted(results, key=lambda r: (rank[r.status], r.url))


def _places(where: list[str]) -> str:
    shown = ", ".join(where[:MAX_PLACES])
    return shown + (f" and {len(where) - MAX_PLACES} more" if len(where) > MAX_PLACES else "")


def _cell(text: str) -> str:
    """Table-safe text: URLs and reasons come from contributed files, so no markup, pipes or line breaks."""
    return " ".join(str(text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
