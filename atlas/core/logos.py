"""Tool logos from simple-icons (CC0), through the pinned `simplepycons` package: no download at build time.

An entry names its icon by simple-icons slug (`logo: mlflow`). The site does not copy the package's SVG
text: it keeps only the path data, checked to be nothing but drawing commands, and writes its own SVG
around it, so a logo can never carry script, links or styles into the site.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from typing import Any

SLUG = re.compile(r"^[a-z0-9]+$")
_PATH_DATA = re.compile(r"^[MmZzLlHhVvCcSsQqTtAaEe0-9 .,\-+\n]+$")
_SVG = "{http://www.w3.org/2000/svg}"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@cache
def _icons() -> Any:
    from simplepycons import all_icons  # type: ignore[attr-defined]  # imported on first use: most commands never draw a logo
    return all_icons


@cache
def known(slug: str) -> bool:
    """Whether simple-icons has an icon of this slug."""
    return bool(SLUG.match(slug)) and callable(getattr(_icons(), f"get_{slug}_icon", None))


@cache
def logo_svg(slug: str) -> str | None:
    """A clean SVG of the icon in its brand colour, or None if simple-icons has no such icon."""
    if not known(slug):
        return None
    icon = getattr(_icons(), f"get_{slug}_icon")()
    paths = [p.get("d", "") for p in ET.fromstring(icon.raw_svg.strip()).iter(f"{_SVG}path")]
    if not paths or not all(_PATH_DATA.match(d) for d in paths):
        return None
    colour = icon.primary_color if _COLOUR.match(icon.primary_color or "") else "#555555"
    drawn = "".join(f'<path d="{" ".join(d.split())}"/>' for d in paths)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="{colour}">{drawn}</svg>\n'
