"""What GitHub says about a tool's repository, on its page: a facts row and a warning when archived.

Every value here came from the GitHub API, so it is escaped with `text()` like contributed text.
"""

from __future__ import annotations

from atlas.core.model import Tool
from atlas.site.render.html import text


def github_row(tool: Tool) -> list[tuple[str, str]]:
    """The "On GitHub" row of the facts table, or no row when there is nothing known."""
    facts = tool.github
    if facts is None:
        return []
    if not facts.found:
        return [("On GitHub", "Repository not found when last checked (renamed, deleted or made private)")]
    parts = []
    if facts.stars is not None:
        parts.append(f'<span class="atlas-stars">{facts.stars:,} stars</span>')
    if facts.pushed_at:
        parts.append(f"last push {_date(facts.pushed_at)}")
    if facts.release:
        kind = "pre-release" if facts.release.prerelease else "release"
        parts.append(f"latest {kind} {text(facts.release.tag)} ({_date(facts.release.published_at)})")
    else:
        parts.append("no release published on GitHub")
    if facts.moved_to:
        parts.append(f"now at {text(facts.moved_to)}")
    return [("On GitHub", " · ".join(parts))]


def archived_notice(tool: Tool) -> str:
    """A visible warning on every page whose repository GitHub reports as archived (read-only)."""
    if tool.github is None or not tool.github.archived:
        return ""
    return ('<div class="admonition warning atlas-archived"><p class="admonition-title">Repository archived on GitHub</p>'
            f"<p>{text(tool.github.full_name or tool.github.slug)} is read-only: it receives no more changes or fixes "
            "there. Check whether the project lives on elsewhere before adopting it.</p></div>")


def _date(iso: str) -> str:
    day = iso[:10]
    return f'<time datetime="{text(iso)}">{text(day)}</time>'
