"""Machine-readable exports written at the end of the build, from the same model as the pages.

api/catalog.json (described by api/catalog.schema.json, a copy of schema/catalog.schema.json),
api/catalog.csv, api/tools/<id>.json (one tool each), api/landscape.yml for CNCF landscape2, and the comparison
view's rows and cells (api/compare.json and api/compare/<id>.json), which the compare page reads.
Every file is sorted and dated only by the data, so the same catalog gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from atlas.site.export import landscape2
from atlas.site.render import comparison_spec
from atlas.core.model import Catalog, Tool
from atlas.core.schema import SCHEMA_DIR

FORMAT_VERSION = "1.0"
CSV_COLUMNS = ("id", "name", "summary", "homepage", "repository", "documentation", "license", "license_kind", "offering",
               "pricing", "maintainer", "status", "acquired_by", "home_category", "categories", "fit", "requires", "reviewed", "page")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def catalog_json(catalog: Catalog) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "stages": [{"id": s.id, "title": s.title, "summary": s.summary, "categories": [c.id for c in s.categories]}
                   for s in catalog.stages],
        "categories": [
            {"id": c.id, "stage": c.stage, "title": c.title, "summary": c.summary, "problem": c.problem,
             "need_it_when": c.need_it_when, "can_wait_if": c.can_wait_if, "questions": c.questions,
             "criteria": [{"id": k.id, "label": k.label, "help": k.help} for k in c.criteria],
             "home_tools": [t.id for t in c.home_tools], "reach_tools": [t.id for t in c.reach_tools]}
            for c in catalog.categories.values()
        ],
        "tools": [tool_json(t) for t in catalog.tools.values()],
        "learning_path": [{"id": s.id, "title": s.title, "track": s.track, "categories": s.categories,
                           "starter_tools": s.starter_tools, "page": f"learning-path/{s.id}/"} for s in catalog.steps],
    }


def tool_json(tool: Tool) -> dict:
    """Every field as written in the entry, plus what the site derives from it."""
    return {**tool.data, "home_category": tool.home, "license_kind": tool.license_kind, "page": f"tools/{tool.id}/"}


def catalog_csv(catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for tool in catalog.tools.values():
        row = tool_json(tool)
        writer.writerow([_cell(row.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value) -> str:
    """Lists joined with ';'; text that a spreadsheet would run as a formula is prefixed with a quote."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _compact(data) -> str:
    """The files the compare page fetches: no indentation, every byte is a reader's download."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_exports(catalog: Catalog, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "catalog.json").write_text(_json(catalog_json(catalog)), encoding="utf-8")
    (folder / "catalog.schema.json").write_bytes((SCHEMA_DIR / "catalog.schema.json").read_bytes())
    (folder / "catalog.csv").write_text(catalog_csv(catalog), encoding="utf-8")
    (folder / "tools").mkdir(exist_ok=True)
    for tool in catalog.tools.values():
        (folder / "tools" / f"{tool.id}.json").write_text(_json(tool_json(tool)), encoding="utf-8")
    (folder / "compare.json").write_text(_compact(comparison_spec.index(catalog)), encoding="utf-8")
    (folder / "compare").mkdir(exist_ok=True)
    for tool in catalog.tools.values():
        (folder / "compare" / f"{tool.id}.json").write_text(_compact(comparison_spec.tool_cells(catalog, tool)), encoding="utf-8")
    (folder / "landscape.yml").write_text(landscape2.landscape_yaml(catalog), encoding="utf-8")
    (folder / landscape2.LOGOS).mkdir(exist_ok=True)
    for tool in catalog.tools.values():
        (folder / landscape2.LOGOS / f"{tool.id}.svg").write_text(landscape2.logo_svg(tool), encoding="utf-8")
