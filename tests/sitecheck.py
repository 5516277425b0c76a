"""Reading a built site: pages, links and counts. Used by the build and browser tests."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

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
    """Same-site href/src values that do not resolve, as "page: link (reason)".

    A link is broken when its file is missing from the built site, or when its #fragment names no
    element id on the target page. `base_path` is the path part of `site_url`: absolute links (as on
    404.html) start with it. Query strings are ignored (the compare page reads them in the browser).
    """
    soups: dict[Path, BeautifulSoup] = {}

    def soup_of(path: Path) -> BeautifulSoup:
        if path not in soups:
            soups[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return soups[path]

    def ids_of(path: Path) -> set[str]:
        soup = soup_of(path)
        return {t["id"] for t in soup.find_all(id=True)} | {t["name"] for t in soup.find_all("a", attrs={"name": True})}

    problems = []
    for html in sorted(site.rglob("*.html")):
        for tag in soup_of(html).find_all(["a", "link", "script", "img", "source", "iframe"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme or ref.startswith(("//", "mailto:")):
                continue
            parts = urlsplit(ref)
            path, fragment = unquote(parts.path), unquote(parts.fragment)
            where = f"{html.relative_to(site)}: {ref}"
            if not path:
                target = html
            elif path.startswith("/"):
                if not path.startswith(base_path):
                    problems.append(f"{where} (outside the site's base path {base_path})")
                    continue
                target = (site / path[len(base_path):]).resolve()
            else:
                target = (html.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{where} (no such file: {target.relative_to(site.resolve()) if target.is_relative_to(site.resolve()) else target})")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                problems.append(f"{where} (no element with id '{fragment}' on the target page)")
    return problems
