"""Which URLs to check, and where each one is written (`path:line`), so a report says what to edit."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag

from atlas.check.validate import check_catalog
from atlas.core.layout import display
from atlas.core.urls import url_fields

# An absolute http(s) address in Markdown text. The ) closing a Markdown link and the <> of an autolink end
# it; balanced parentheses inside it (as in Wikipedia addresses) do not.
_MARKDOWN_URL = re.compile(r"https?://(?:[^\s<>\"'`()\[\]]|\([^\s<>\"'`()\[\]]*\))+")
_TRAILING_PUNCTUATION = ".,;:!?"

Links = dict[str, list[str]]  # URL -> every place it is written, in the order found


def add(links: Links, url: str, where: str) -> None:
    """One entry per address: fragments are for the browser, the server never sees them."""
    links.setdefault(urldefrag(url.strip()).url, []).append(where)


def catalog_links(catalog: Path) -> Links:
    """Every URL field of every catalog file (tools, learning path, glossary, categories), with its line."""
    links: Links = {}
    loaded = check_catalog(catalog)
    for doc in [*loaded.shared.values(), *loaded.tools]:
        for path, url in url_fields(doc):
            add(links, url, f"{doc.path}:{doc.where(path)[0]}")
    return links


def markdown_links(folder: Path) -> Links:
    """Absolute http(s) addresses in the hand-written pages (`docs/*.md`); relative links are the build's job."""
    links: Links = {}
    for page in sorted(folder.glob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in _MARKDOWN_URL.finditer(line):
                add(links, match.group().rstrip(_TRAILING_PUNCTUATION), f"{display(page)}:{number}")
    return links


def url_file_links(path: Path) -> Links:
    """One URL per line; blank lines and lines starting with # are ignored."""
    links: Links = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            add(links, line, f"{display(path)}:{number}")
    return links


def merge(*groups: Links) -> Links:
    merged: Links = {}
    for group in groups:
        for url, places in group.items():
            merged.setdefault(url, []).extend(places)
    return merged
