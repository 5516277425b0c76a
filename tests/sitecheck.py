"""Reading a built site: pages, links and counts. Used by the build and browser tests."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from bs4 import BeautifulSoup


def page(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def tool_pages(site: Path) -> set[str]:
    return {p.parent.name for p in (site / "tools").glob("*/index.html")}


def missing_tool_pages(site: Path, tools: dict[str, str]) -> list[str]:
    """Tool ids whose page is missing or does not show the tool's name as its heading."""
    missing = []
    for tool_id, name in tools.items():
        path = site / "tools" / tool_id / "index.html"
        if not path.exists():
            missing.append(tool_id)
            continue
        heading = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("h1#tool-name")
        if heading is None or heading.get_text() != name:
            missing.append(tool_id)
    return missing


def broken_internal_links(site: Path, base_path: str = "/") -> list[str]:
    """Same-site href/src values that do not resolve to a file in the built site.

    `base_path` is the path part of `site_url`: absolute links (as on 404.html) start with it.
    """
    problems = []
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme or ref.startswith(("//", "#", "mailto:")):
                continue
            path = unquote(urldefrag(ref)[0])
            if path.startswith("/"):
                if not path.startswith(base_path):
                    problems.append(f"{html.relative_to(site)}: {ref} (outside the site's base path {base_path})")
                    continue
                target = (site / path[len(base_path):]).resolve()
            else:
                target = (html.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{html.relative_to(site)}: {ref}")
    return problems
