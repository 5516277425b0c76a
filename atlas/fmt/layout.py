"""One canonical layout for catalog files, so a diff shows only real changes.

The canonical layout: keys in the order of the schema's `properties` (a tool's criteria: its
categories in the order of its `categories` list, each category's criteria in the order of
catalog/categories.yaml; unknown keys last, as written); two-space indentation with list items
indented under their key; single spaces after `:` and `,`; no line wrapping; one blank line at
most; LF line ends and one final newline. Flow or block style and the quoting of each value are
kept as written. Comments stay above or beside the entry they were written for.

Formatting never changes the data: the result is loaded again and compared with the original,
and a file that would change is refused rather than rewritten.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from atlas.core.layout import TOOL_KIND, kind_of
from atlas.core.load import LoadError, load_file, load_text
from atlas.core.problems import Problem
from atlas.core.schema import load_schema
from atlas.fmt import comments as yamlcomments


class FormatError(Exception):
    """The file cannot be formatted; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never wrap: long lines are data, and wrapping would make diffs noisy
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


_YAML = _yaml()


def criteria_order(catalog_root: Path) -> dict[str, list[str]]:
    """Category id -> its criterion ids, in the taxonomy's order (empty when categories.yaml cannot be read)."""
    try:
        return criteria_order_of(load_file(Path(catalog_root) / "categories.yaml").data)
    except LoadError:
        return {}


def criteria_order_of(taxonomy) -> dict[str, list[str]]:
    """The same, from the loaded data of categories.yaml (read defensively: it may have schema errors)."""
    categories = taxonomy.get("categories") if isinstance(taxonomy, dict) else None
    order: dict[str, list[str]] = {}
    for category in categories if isinstance(categories, list) else []:
        if isinstance(category, dict) and isinstance(category.get("id"), str) and isinstance(category.get("criteria"), list):
            order[category["id"]] = [c["id"] for c in category["criteria"] if isinstance(c, dict) and isinstance(c.get("id"), str)]
    return order


def normalise(text: str) -> str:
    """Line ends and a byte-order mark are the editor's business, not a formatting difference."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def format_text(text: str, kind: str, criteria: dict[str, list[str]], path: str = "<text>") -> str:
    """The canonical form of one catalog file. Raises FormatError when the file cannot be loaded."""
    text = normalise(text)
    try:
        original = load_text(text, path)
    except LoadError as exc:
        raise FormatError(exc.problem) from None
    bare, comments = yamlcomments.lift(text, original)
    try:
        data = _YAML.load(bare)
        _order(data, load_schema(kind), (), _special_order(kind, original.data, criteria))
        out = io.StringIO()
        _YAML.dump(data, out)
    except Exception as exc:  # ruamel reads some values our loader keeps as text (e.g. the date 2026-13-01)
        raise FormatError(Problem(path, 1, 1, "ATL220", f"the file cannot be formatted: {' '.join(str(exc).split())}",
                                  "Fix the errors `python -m atlas check` reports first.")) from None
    dumped = out.getvalue()
    reloaded = load_text(dumped, path)
    if reloaded.data != original.data:
        raise FormatError(Problem(path, 1, 1, "ATL220", "formatting would change the data; the file was left as it is",
                                  "Please report this with the file attached."))
    result = yamlcomments.put_back(dumped, reloaded, comments)
    if yamlcomments.lift(result, load_text(result, path))[1].count() != comments.count():
        raise FormatError(Problem(path, 1, 1, "ATL220", "formatting would lose a comment; the file was left as it is",
                                  "Please report this with the file attached."))
    return result


def _special_order(kind: str, data, criteria: dict[str, list[str]]):
    """Key orders that the schema cannot express: a tool's criteria follow its categories and the taxonomy."""
    if kind != TOOL_KIND or not isinstance(data, dict):
        return lambda path: None
    categories = [c for c in data.get("categories") or [] if isinstance(c, str)] if isinstance(data.get("categories"), list) else []

    def order(path: tuple) -> list[str] | None:
        if path == ("criteria",):
            return categories
        if len(path) == 2 and path[0] == "criteria":
            return criteria.get(path[1], [])
        return None

    return order


def _order(node, schema: dict, path: tuple, special) -> None:
    """Reorder mappings in place: known keys in their canonical order, then unknown keys as written."""
    if not isinstance(schema, dict):
        schema = {}
    if isinstance(node, CommentedMap):
        properties = schema.get("properties", {})
        wanted = special(path)
        if wanted is None:
            wanted = list(properties)
        known = [k for k in wanted if k in node]
        for key in known + [k for k in list(node) if k not in known]:
            node.move_to_end(key)
        extra = schema.get("additionalProperties")
        for key in node:
            _order(node[key], properties.get(key, extra if isinstance(extra, dict) else {}), path + (key,), special)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            _order(item, schema.get("items", {}), path + (index,), special)


@dataclass
class Result:
    path: Path
    before: str
    after: str | None  # None: the file could not be formatted
    problem: Problem | None = None

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != normalise(self.before)


def format_file(path: Path, criteria: dict[str, list[str]], shown: str | None = None) -> Result:
    shown = shown or str(path)
    try:
        before = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Result(path, "", None, Problem(shown, 1, 1, "ATL001", f"cannot read file: {exc}"))
    try:
        return Result(path, before, format_text(before, kind_of(path), criteria, shown))
    except FormatError as exc:
        return Result(path, before, None, exc.problem)


def unified_diff(result: Result, shown: str) -> str:
    assert result.after is not None
    return "".join(difflib.unified_diff(normalise(result.before).splitlines(keepends=True), result.after.splitlines(keepends=True),
                                        fromfile=shown, tofile=f"{shown} (formatted)"))


def first_difference(result: Result) -> int:
    """The 1-based line where the file first differs from its canonical form."""
    assert result.after is not None
    before, after = normalise(result.before).splitlines(), result.after.splitlines()
    for number, (a, b) in enumerate(zip(before, after, strict=False), start=1):
        if a != b:
            return number
    return min(len(before), len(after)) + 1


def formatting_problem(path: Path, shown: str, criteria: dict[str, list[str]]) -> Problem | None:
    """The ATL220 warning `atlas check` gives for a file that `atlas fmt` would change."""
    result = format_file(path, criteria, shown)
    if not result.changed:
        return None
    return Problem(shown, first_difference(result), 1, "ATL220", "the file is not in the canonical layout (key order, indentation, spacing)",
                   f"Run `python -m atlas fmt {shown}`; `python -m atlas fmt --check` shows the difference.", severity="warning")
