"""Lift comments out of a YAML text and put them back after its keys have moved.

`atlas fmt` reorders keys. ruamel.yaml keeps comments, but it attaches a comment line to the
key *before* it, so moving keys would carry comments away from the field they describe. Here a
full-line comment (or blank line) belongs to the entry on the next line, and an end-of-line
comment to the entry on its own line. Entries are named by their path (('criteria', 'x', 'y'),
('sources', 2)), which survives any reordering, so each comment goes back above or beside the
same entry. Comments before the first entry (the schema line) stay on top; those after the last
stay at the end.

Comments are found with the parser's positions of every scalar, so a `#` inside a quoted, plain
or block scalar is never mistaken for a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from atlas.core.load import Document, yaml_parser

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")


@dataclass
class Comments:
    """Every comment and blank line of a text, anchored to the path of an entry."""

    header: list[str] = field(default_factory=list)  # lines before the first entry, as written
    before: dict[tuple, list[str]] = field(default_factory=dict)  # full-line comments ("" = blank line) above an entry
    beside: dict[tuple, list[str]] = field(default_factory=dict)  # end-of-line comments of an entry's line
    footer: list[str] = field(default_factory=list)  # lines after the last entry

    def count(self) -> int:
        """How many comments (not blank lines) there are."""
        lines = self.header + self.footer + [c for cs in self.before.values() for c in cs]
        return sum(1 for c in lines if c.strip()) + sum(len(cs) for cs in self.beside.values())


def comment_columns(text: str) -> tuple[dict[int, int], set[int]]:
    """(0-based line -> column where its comment starts, blank lines), outside every scalar."""
    lines = text.split("\n")
    covered: list[list[tuple[int, int]]] = [[] for _ in lines]
    parser = yaml_parser(text)
    while True:
        event = parser.get_event()
        if isinstance(event, yaml.StreamEndEvent):
            break
        if not isinstance(event, yaml.ScalarEvent):
            continue
        start, end = event.start_mark, event.end_mark
        assert start is not None and end is not None  # the parser marks every event
        if event.style in ("|", ">"):  # the header line holds only the indicator; the content starts below
            header = _BLOCK_HEADER.match(lines[start.line], start.column)
            covered[start.line].append((start.column, header.end() if header else start.column + 1))
            first = start.line + 1
        else:
            first = start.line
            if end.line == start.line:
                covered[start.line].append((start.column, end.column))
                continue
            covered[start.line].append((start.column, len(lines[start.line])))
            first = start.line + 1
        for row in range(first, min(end.line, len(lines))):
            covered[row].append((0, len(lines[row])))
        if end.line > start.line and end.line < len(lines) and end.column:
            covered[end.line].append((0, end.column))
    starts: dict[int, int] = {}
    blank: set[int] = set()
    for number, line in enumerate(lines):
        spans = covered[number]
        if not line.strip():
            if not spans:
                blank.add(number)
            continue
        for column, char in enumerate(line):
            if char == "#" and (column == 0 or line[column - 1] in " \t") and not any(a <= column < b for a, b in spans):
                starts[number] = column
                break
    return starts, blank


def _owners(doc: Document) -> dict[int, tuple]:
    """0-based line -> the outermost entry (mapping key or sequence item) that starts on it."""
    starts = [(line - 1, len(path), col, path) for path, (line, col) in doc.key_positions.items()]
    starts += [(line - 1, len(path), col, path) for path, (line, col) in doc.positions.items() if path and isinstance(path[-1], int)]
    owners: dict[int, tuple] = {}
    for line, _, _, path in sorted(starts, key=lambda s: s[:3]):
        owners.setdefault(line, path)
    return owners


def lift(text: str, doc: Document) -> tuple[str, Comments]:
    """The text without comments and blank lines (blank lines inside block scalars stay), and the comments.

    `doc` is `text` loaded by atlas.core.load; `text` uses "\\n" line ends.
    """
    columns, blank = comment_columns(text)
    owners = _owners(doc)
    comments = Comments()
    kept: list[str] = []
    pending: list[str] = []
    seen_entry = False
    last_owner: tuple | None = None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines):
        column = columns.get(number)
        if number in blank:
            pending.append("")
            continue
        if column is not None and not line[:column].strip():
            pending.append(line[column:].rstrip())
            continue
        owner = owners.get(number)
        if owner is not None:
            if seen_entry:
                comments.before.setdefault(owner, []).extend(pending)
            else:
                comments.header, seen_entry = pending, True
            pending = []
            last_owner = owner
        if column is not None:
            target = owner if owner is not None else last_owner
            if target is None:  # an end-of-line comment before any entry: keep it on top
                comments.header.append(line[column:].rstrip())
            else:
                comments.beside.setdefault(target, []).append(line[column:].rstrip())
            line = line[:column].rstrip()
        kept.append(line)
    if seen_entry:
        comments.footer = pending
    else:
        comments.header = pending
    return "".join(line + "\n" for line in kept), comments


def put_back(text: str, doc: Document, comments: Comments) -> str:
    """Insert lifted comments into `text` (comment-free, loaded as `doc`), next to the same entries.

    A full-line comment takes the indentation of the line it stands above; blank lines are
    collapsed to one and dropped at the start and end of the file.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    above: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    for table, target in ((comments.before, above), (comments.beside, after)):
        for path, texts in table.items():
            position = doc.key_positions.get(path) or doc.positions.get(path)
            if position is None:
                raise KeyError(path)
            target.setdefault(position[0] - 1, []).extend(texts)
    out: list[str] = [c.strip() for c in comments.header]
    for number, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" "))]
        out.extend(indent + c if c else "" for c in above.get(number, []))
        out.append(line + "".join("  " + c for c in after.get(number, [])))
    out.extend(c.strip() for c in comments.footer)
    tidy: list[str] = []
    for line in out:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    while tidy and not tidy[-1]:
        tidy.pop()
    return "".join(line + "\n" for line in tidy)
