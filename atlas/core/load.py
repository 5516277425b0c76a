"""Strict YAML loading with a line and column for every value.

Contributed YAML is untrusted, so the loader accepts a deliberately small subset of YAML:
one UTF-8 document, no anchors, aliases or merge keys, no tags beyond the core ones, no
duplicate keys, a bounded size and nesting depth. Scalars follow the YAML 1.2 core schema,
so `yes`, `no`, `on` and `2026-11-01` stay strings (YAML 1.1 would turn them into booleans
and dates) and only `true`/`false`, `null`, and plain numbers are converted.

The parser's event stream is composed here, iteratively, instead of by PyYAML's recursive
composer: that is how aliases are refused before anything expands them, deep nesting cannot
overflow the Python stack, and every value's position is recorded as it is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from atlas.core.problems import Problem
from atlas.core.scalars import MAYBE_TYPED as _MAYBE_TYPED
from atlas.core.scalars import resolve as _scalar

try:  # libyaml's parser is several times faster; the pure-Python one behaves the same.
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

def yaml_parser(text: str) -> Any:
    """libyaml's event parser over `text` (the pure-Python one where PyYAML was built without libyaml)."""
    return _Parser(text)


NodePath = tuple[str | int, ...]  # the keys and indexes from a file's root to a value
Positions = dict[NodePath, tuple[int, int]]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
_NO_KEY = object()  # marks a mapping frame that is waiting for its next key

_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",  # the non-specific tag the parser gives quoted scalars
}
@dataclass
class Document:
    """A loaded file: its plain Python data and where each part of it came from."""

    path: str
    data: object
    # The text as read; rules use it for quick whole-file checks, and positions are found in it.
    text: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        self._positions: Positions | None = None
        self._key_positions: Positions = {}

    @property
    def positions(self) -> Positions:
        """(line, column), both 1-based, of every value, keyed by its path from the root.

        Found on first use by parsing the text again. Only files with a problem need positions, so
        loading a catalog does not build a dictionary entry per value for every file (that was a
        third of `atlas check`'s time on a large catalog)."""
        if self._positions is None:
            self._positions = {}
            if self.text:
                _compose(_Parser(self.text), self.path, self._positions, self._key_positions)
        return self._positions

    @property
    def key_positions(self) -> Positions:
        """(line, column) of every mapping key, keyed by the path of the value it introduces."""
        self.positions  # noqa: B018 - fills both tables
        return self._key_positions

    def where(self, path: NodePath, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if key and path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


class LoadError(Exception):
    """Raised with the located problem that stopped loading."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def load_file(path: str | Path, display_path: str | None = None) -> Document:
    """Load one catalog file strictly; raise LoadError with a located problem otherwise."""
    path = Path(path)
    shown = display_path or str(path)
    if path.is_symlink():
        raise LoadError(Problem(shown, 1, 1, "ATL001", "symbolic links are not allowed in the catalog",
                                "Replace the link with a real file."))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(_too_large(shown, size))
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(Problem(shown, 1, 1, "ATL001", f"cannot read file: {exc.strerror or exc}")) from exc
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, path: str) -> Document:
    """Load YAML from bytes (see module docstring for what is accepted)."""
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(_too_large(path, len(raw)))
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark carries no meaning in UTF-8
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        raise LoadError(Problem(path, line, col, "ATL001", "the file is not valid UTF-8",
                                "Save the file with UTF-8 encoding.")) from exc
    return load_text(text, path)


def load_text(text: str, path: str) -> Document:
    doc = Document(path=path, data=None, text=text)
    try:
        doc.data = _compose(_Parser(text), path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = (exc.problem or exc.context or "invalid YAML").strip()
        raise LoadError(Problem(path, line, col, "ATL002", f"YAML syntax error: {message}",
                                "Check indentation and quoting around this position.")) from exc
    except yaml.YAMLError as exc:  # e.g. a reader error for control characters
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else _reader_position(exc, text)
        raise LoadError(Problem(path, line, col, "ATL002", f"YAML syntax error: {_short(exc)}",
                                "Remove control characters; use only printable text.")) from exc
    if doc.data is None:
        raise LoadError(Problem(path, 1, 1, "ATL008", "the file is empty",
                                "Start from an existing entry or run `python -m atlas new`."))
    return doc


def _compose(parser: Any, path: str, positions: Positions | None = None, key_positions: Positions | None = None) -> object:
    """Build plain Python values from parser events, refusing what the Atlas does not allow.

    With `positions` and `key_positions`, also record where every value and key starts. Scalars and
    collections are placed into their parent by the same few lines: this loop is most of `atlas check`'s
    time, so it stays one flat loop rather than a call per value."""
    locate = positions is not None
    value_at: Positions = positions if positions is not None else {}
    key_at: Positions = key_positions if key_positions is not None else {}
    root: object = None
    documents = 0
    # Each frame: [container, its path, pending key (mappings only), that key's position, is it a list]
    stack: list[list[Any]] = []
    frame: list[Any] | None = None  # stack[-1], kept in a local
    get_event = parser.get_event
    while True:
        event = get_event()
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            if event.anchor or (event.tag and event.tag not in _CORE_TAGS):
                _refuse_node(event, path)
            if frame is not None and frame[2] is _NO_KEY and frame[4] is False:  # a mapping key, kept as written
                key = event.value
                if (key == "<<" and event.implicit[0]) or key in frame[0]:
                    _refuse_key(event, path, key)
                frame[2] = key
                if locate:
                    frame[3] = (event.start_mark.line + 1, event.start_mark.column + 1)
                continue
            text = event.value
            try:
                value = text if event.tag is None and (event.style or text[:1] not in _MAYBE_TYPED) else _scalar(event)
            except ValueError:  # an integer beyond Python's digit limit (sys.get_int_max_str_digits)
                _fail(event, path, "ATL002", f"the number {text[:12]}… has {len(text)} digits, more than can be read",
                      "Quote it if it is text; no field of an entry holds a number this long.")
        elif kind in _COLLECTION_END:
            stack.pop()
            frame = stack[-1] if stack else None
            continue
        elif kind in _COLLECTION_START:
            _refuse_node(event, path)
            if len(stack) >= MAX_DEPTH:
                _fail(event, path, "ATL007", f"nesting deeper than {MAX_DEPTH} levels", "Entries are shallow; flatten this structure.")
            if frame is not None and frame[4] is False and frame[2] is _NO_KEY:
                _fail(event, path, "ATL002", "mapping keys must be plain text", "Write the key as a word, e.g. `name:`.")
            value = [] if kind is yaml.SequenceStartEvent else {}
        elif kind is yaml.StreamEndEvent:
            break
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                _fail(event, path, "ATL008", "the file contains more than one YAML document",
                      "Remove the `---` separator: one file holds one entry.")
            continue
        elif kind is yaml.AliasEvent:
            _fail(event, path, "ATL004", f"YAML aliases (`*{event.anchor}`) are not allowed",
                  "Write the value out in full instead of referring to an anchor.")
        else:  # stream start, document end
            continue
        # Place the value (a scalar or a new, still empty collection) into its parent.
        if frame is None:
            root, vpath = value, ()
        elif frame[4]:
            vpath = frame[1] + (len(frame[0]),) if locate else ()
            frame[0].append(value)
        else:
            vpath = frame[1] + (frame[2],) if locate else ()
            frame[0][frame[2]] = value
            if locate:
                key_at[vpath] = frame[3]
            frame[2] = _NO_KEY
        if locate:
            value_at[vpath] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if kind is not yaml.ScalarEvent:
            frame = [value, vpath if locate else (), _NO_KEY, None, kind is yaml.SequenceStartEvent]
            stack.append(frame)
    return root


_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _fail(event: Any, path: str, code: str, message: str, hint: str) -> NoReturn:
    mark = event.start_mark
    raise LoadError(Problem(path, mark.line + 1, mark.column + 1, code, message, hint))


def _refuse_node(event: Any, path: str) -> None:
    """Anchors and tags other than the core ones are refused wherever they appear."""
    if getattr(event, "anchor", None):
        _fail(event, path, "ATL004", f"YAML anchors (`&{event.anchor}`) are not allowed",
              "Write the value out in full instead of reusing it.")
    tag = getattr(event, "tag", None)
    if tag and tag not in _CORE_TAGS:
        _fail(event, path, "ATL005", f"the tag '{tag}' is not allowed",
              "Remove the tag: entries contain only text, numbers, lists and mappings.")


def _refuse_key(event: Any, path: str, key: str) -> NoReturn:
    if key == "<<" and event.implicit[0]:
        _fail(event, path, "ATL004", "merge keys (`<<`) are not allowed",
              "Write the fields out in full; entries must be readable on their own.")
    _fail(event, path, "ATL003", f"duplicate key '{key}'",
          f"Keep one '{key}:' in this mapping; YAML would silently keep only the last one.")


def _too_large(path: str, size: int) -> Problem:
    return Problem(path, 1, 1, "ATL006", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                   "Catalog entries are short; shorten the text fields.")


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def _reader_position(exc: Exception, text: str) -> tuple[int, int]:
    pos = getattr(exc, "position", None)
    if isinstance(pos, int):
        before = text[:pos]
        return before.count("\n") + 1, pos - (before.rfind("\n") + 1) + 1
    return 1, 1


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
