"""What's new as Atom feeds: the most recently reviewed tools, one feed for the site and one per category.

"Recent" means the `reviewed` date of the entries, newest first, ties by name: the data decides,
never the clock or git, so the same catalog always gives the same bytes. Atom needs absolute ids
and links; they are built from the configured `site_url`. The XML is written by ElementTree, which
escapes every text and attribute.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from atlas.core.model import Catalog, Tool
from atlas.site.render.html import text

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
PAGE_PATH = "new/"
FEED_TITLE = "MLOps Atlas: recently reviewed tools"


def recent(tools) -> list[Tool]:
    """Newest `reviewed` first; ties by name, then id."""
    by_name = sorted(tools, key=lambda t: (t.name.casefold(), t.id))
    return sorted(by_name, key=lambda t: t.reviewed, reverse=True)


def _stamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def atom_feed(catalog: Catalog, tools: list[Tool], *, title: str, site_url: str, feed_path: str, page_path: str) -> str:
    """One Atom feed of `tools` (already in order). `site_url` ends with a slash; paths are relative to it."""
    ET.register_namespace("", ATOM)

    def add(parent, tag: str, value: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if value is not None:
            element.text = value
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    add(feed, "id", site_url + feed_path)
    add(feed, "title", title)
    add(feed, "subtitle", "Tools whose entries were checked against their sources most recently.")
    newest = max((t.reviewed for t in tools), default=max((t.reviewed for t in catalog.tools.values()), default="1970-01-01"))
    add(feed, "updated", _stamp(newest))
    add(feed, "link", rel="self", type="application/atom+xml", href=site_url + feed_path)
    add(feed, "link", rel="alternate", type="text/html", href=site_url + page_path)
    author = add(feed, "author")
    add(author, "name", "MLOps Atlas contributors")
    add(feed, "rights", "Data: CC BY 4.0, MLOps Atlas contributors")
    for tool in tools:
        entry = add(feed, "entry")
        page = f"{site_url}tools/{tool.id}/"
        add(entry, "id", f"{page}#reviewed-{tool.reviewed}")  # a new review is a new entry
        add(entry, "title", tool.name)
        add(entry, "link", rel="alternate", type="text/html", href=page)
        add(entry, "updated", _stamp(tool.reviewed))
        add(entry, "summary", tool.summary)
        home = catalog.categories[tool.home]
        add(entry, "category", term=home.id, label=home.title)
    ET.indent(feed, space=" ")
    out = io.StringIO()
    ET.ElementTree(feed).write(out, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + out.getvalue() + "\n"


def write_feeds(catalog: Catalog, site_dir: Path, site_url: str) -> None:
    """feed.xml at the site root, and categories/<id>/feed.xml for each category (its home and reach tools)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    (site_dir / "feed.xml").write_text(
        atom_feed(catalog, recent(catalog.tools.values())[:FEED_ENTRIES], title=FEED_TITLE, site_url=base,
                  feed_path="feed.xml", page_path=PAGE_PATH), encoding="utf-8")
    for category in catalog.categories.values():
        folder = site_dir / "categories" / category.id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "feed.xml").write_text(
            atom_feed(catalog, recent(category.tools)[:FEED_ENTRIES], title=f"MLOps Atlas: {category.title}", site_url=base,
                      feed_path=f"categories/{category.id}/feed.xml", page_path=f"categories/{category.id}/"), encoding="utf-8")


def head_link(root: str) -> str:
    """The <link rel="alternate"> for every page's <head>: the site feed.

    Only the site feed: mkdocs-material fetches `sitemap.xml` next to every alternate link's
    address (for its language selector), which exists at the site root but not in a category
    folder. Category feeds are linked from the What's new page instead.
    """
    return f'<link rel="alternate" type="application/atom+xml" title="{text(FEED_TITLE)}" href="{root}feed.xml">'
