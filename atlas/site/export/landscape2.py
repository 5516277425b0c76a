"""The catalog in the data format of the CNCF landscape2 generator (api/landscape.yml).

landscape2 reads `categories -> subcategories -> items`; our stages become its categories and
our categories its subcategories, and each tool is an item of its home category only (as on our
landscape map). landscape2 needs a logo file per item, which the catalog does not have, so a
plain SVG with the tool's name is written for each (api/landscape-logos/<id>.svg; pass that
folder as landscape2's logos path). Only GitHub repositories become `repo_url`, the only kind
landscape2 collects repository data from.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

import yaml

from atlas.core.model import Catalog, Tool

LOGOS = "landscape-logos"


def landscape_data(catalog: Catalog) -> dict:
    return {"categories": [
        {"name": stage.title,
         "subcategories": [{"name": category.title,
                            "items": [item(t) for t in sorted(category.home_tools, key=lambda t: (t.name.casefold(), t.id))]}
                           for category in stage.categories]}
        for stage in catalog.stages if stage.categories
    ]}


def item(tool: Tool) -> dict:
    entry = {"name": tool.name, "homepage_url": tool.homepage, "logo": f"{tool.id}.svg", "description": tool.summary}
    if tool.repository and tool.repository.lower().startswith("https://github.com/"):
        entry["repo_url"] = tool.repository
    return entry


def landscape_yaml(catalog: Catalog) -> str:
    header = "# MLOps Atlas in the landscape2 data format. Data: CC BY 4.0, \"MLOps Atlas contributors\".\n"
    return header + yaml.safe_dump(landscape_data(catalog), sort_keys=False, allow_unicode=True, width=1000)


def logo_svg(tool: Tool) -> str:
    """A name plate: landscape2 requires a logo, and inventing one from a brand would be worse."""
    size = 28 if len(tool.name) <= 12 else max(10, int(28 * 12 / len(tool.name)))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">'
            '<rect width="300" height="100" rx="8" fill="#ffffff" stroke="#3f51b5" stroke-width="2"/>'
            f'<text x="150" y="50" font-family="sans-serif" font-size="{size}" text-anchor="middle" dominant-baseline="middle" '
            f'fill="#1a237e">{xml_escape(tool.name)}</text></svg>\n')
