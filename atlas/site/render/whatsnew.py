"""The What's new page: the most recently reviewed tools, grouped by review date, with links to the feeds."""

from __future__ import annotations

from atlas.site.export.feeds import recent
from atlas.core.model import Catalog, Tool
from atlas.site.render.html import category_href, generated, text, tool_href

PAGE_ENTRIES = 40


def whats_new(catalog: Catalog, root: str) -> str:
    """The page: the most recently reviewed tools grouped by date, with the feeds."""
    tools = recent(catalog.tools.values())[:PAGE_ENTRIES]
    groups: dict[str, list[Tool]] = {}
    for tool in tools:
        groups.setdefault(tool.reviewed, []).append(tool)
    sections = []
    for date, group in groups.items():
        items = "".join(f'<li><a href="{tool_href(root, t.id)}">{text(t.name)}</a> '
                        f'(<a href="{category_href(root, t.home)}">{text(catalog.categories[t.home].title)}</a>): '
                        f'{text(t.summary)}</li>' for t in group)
        sections.append(f'<section class="atlas-new-day"><h2 id="reviewed-{text(date)}"><time datetime="{text(date)}">'
                        f'{text(date)}</time></h2><ul class="atlas-new">{items}</ul></section>')
    feeds = "".join(f'<li><a href="{root}categories/{c.id}/feed.xml" type="application/atom+xml">{text(c.title)}</a></li>'
                    for s in catalog.stages for c in s.categories)
    intro = (f'<p>The {len(tools)} tools whose entries were reviewed most recently, newest first. '
             f'Follow them with the <a href="{root}feed.xml" type="application/atom+xml">Atom feed</a> '
             f'in any feed reader, or follow one category:</p>'
             f'<details class="atlas-feeds"><summary>Feeds per category</summary><ul>{feeds}</ul></details>')
    return generated("whatsnew.whats_new", f'<div class="atlas-whats-new">{intro}{"".join(sections)}</div>')
