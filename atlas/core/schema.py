"""JSON Schema validation of one loaded file, reported as located problems with hints."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from atlas.core.load import Document
from atlas.core.patterns import python_patterns
from atlas.core.problems import Problem

if TYPE_CHECKING:
    import jsonschema

# The schemas ship inside the package, so an installed `atlas` validates without a source checkout. The
# repository's schema/ folder is the contributors' copy (editors read it); a test keeps the two identical.
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"

Schema = dict[str, Any]  # a JSON Schema, as loaded

_FORM_VALIDATORS = {"pattern", "minLength", "maxLength", "format", "minItems", "maxItems", "uniqueItems",
                    "propertyNames", "const"}


@cache
def load_schema(kind: str) -> Schema:
    schema: Schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return schema


@cache
def python_schema(kind: str) -> Schema:
    schema: Schema = python_patterns(load_schema(kind))
    return schema


@cache
def validator(kind: str) -> jsonschema.Draft7Validator:
    """One validator per schema, reused: building one per file costs 40x more (see PITFALLS).

    jsonschema is imported here, not at the top: only invalid files need it, and importing it costs
    about a tenth of a second that a clean `atlas check` need not pay."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date")(lambda value: not isinstance(value, str) or _is_date(value))
    return jsonschema.Draft7Validator(python_schema(kind), format_checker=checker)


def _is_date(value: str) -> bool:
    """The `date` format, the same test for both validators: a real calendar date in ISO form."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@cache
def fast_validator(kind: str) -> tuple[Callable[[object], object], list[Condition]]:
    """A compiled validator that only answers valid/invalid, many times faster than walking the errors.

    Most files are valid, so they pay only for this; an invalid file is validated again by jsonschema,
    whose errors carry the paths the located messages need. Property tests check both agree.
    Returns the compiled function and the conditions lifted out of the schema (see `lift_conditions`)."""
    schema, conditions = lift_conditions(python_schema(kind))
    return fastjsonschema.compile(schema, formats={"date": _is_date}), conditions


@dataclass(frozen=True)
class Condition:
    """`if` the mapping at `where` has `field` set to one of `values` `then` it needs every `required` field.

    `where` is a path of mapping keys from the root, "*" standing for every key. A missing `field` meets
    the `if` unless the `if` itself requires the field (JSON Schema's rule)."""

    where: tuple[str, ...]
    field: str
    values: frozenset[str]
    applies_when_absent: bool
    required: tuple[str, ...]

    def holds(self, data: object) -> bool:
        for mapping in _mappings_at(data, self.where):
            if self.field in mapping:
                value = mapping[self.field]
                applies = isinstance(value, str) and value in self.values
            else:
                applies = self.applies_when_absent
            if applies and any(name not in mapping for name in self.required):
                return False
        return True


def lift_conditions(schema: Schema) -> tuple[Schema, list[Condition]]:
    """The schema without its simple if/then conditions, and those conditions as plain checks.

    fastjsonschema evaluates `if` by raising and catching an exception each time the `if` does not
    match. Every criterion answer has two such conditions, so on a 10,000-entry catalog they were half
    of the schema time. Conditions of one simple shape (`if` a field is one of some strings `then`
    some fields are required) are checked in Python instead; any other `allOf` stays in the schema."""
    fast = copy.deepcopy(schema)
    conditions: list[Condition] = []

    def visit(node: object, where: tuple[str, ...]) -> None:
        if not isinstance(node, dict):
            return
        parts = node.get("allOf")
        lifted = [_condition(part, where) for part in parts] if isinstance(parts, list) else []
        if lifted and all(c is not None for c in lifted):
            conditions.extend(c for c in lifted if c is not None)
            del node["allOf"]
        properties = node.get("properties")
        if isinstance(properties, dict):
            for name, sub in properties.items():
                visit(sub, where + (name,))
        if "properties" not in node and "patternProperties" not in node:  # then "*" is every key
            visit(node.get("additionalProperties"), where + ("*",))

    visit(fast, ())
    return fast, conditions


def _condition(part: object, where: tuple[str, ...]) -> Condition | None:
    """The condition `part` states, or None when it is not of the simple shape checked in Python."""
    if not isinstance(part, dict) or set(part) != {"if", "then"}:
        return None
    test, then = part["if"], part["then"]
    if not isinstance(test, dict) or not set(test) <= {"properties", "required"} or set(then) != {"required"}:
        return None
    properties = test.get("properties")
    if not isinstance(properties, dict) or len(properties) != 1:
        return None
    (field_name, rule), = properties.items()
    values = rule.get("enum") if set(rule) == {"enum"} else [rule.get("const")] if set(rule) == {"const"} else None
    required = then["required"]
    if not (isinstance(values, list) and all(isinstance(v, str) for v in values)
            and test.get("required", [field_name]) in ([field_name], [])
            and isinstance(required, list) and all(isinstance(r, str) for r in required)):
        return None
    return Condition(where, field_name, frozenset(values), "required" not in test, tuple(required))


def _mappings_at(data: object, where: tuple[str, ...]) -> Iterator[dict[str, object]]:
    if not isinstance(data, dict):
        return
    if not where:
        yield data
        return
    step, rest = where[0], where[1:]
    children = data.values() if step == "*" else ([data[step]] if step in data else [])
    for child in children:
        yield from _mappings_at(child, rest)


def is_valid(data: object, kind: str) -> bool:
    validate, conditions = fast_validator(kind)
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return all(condition.holds(data) for condition in conditions)


def schema_problems(doc: Document, kind: str) -> list[Problem]:
    if is_valid(doc.data, kind):
        return []
    problems: list[Problem] = []
    for error in validator(kind).iter_errors(doc.data):
        problems.extend(_to_problems(doc, error, load_schema(kind)))
    return problems


def _to_problems(doc: Document, error: jsonschema.ValidationError, root: Schema) -> list[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    where = _describe(path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = sorted(schema.get("properties", {}))
        problems = []
        for key in error.instance:
            if key in known:
                continue
            line, col = doc.where(path + (key,), key=True)
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            if known:
                hint += f"Known fields here: {', '.join(known)}."
            problems.append(Problem(doc.path, line, col, "ATL102", f"unknown field {_shown(key)}{_in(where)}", hint.strip()))
        return problems
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        # A field required by an if/then condition is described where the mapping itself is, not in the `then`.
        prop = schema.get("properties", {}).get(missing) or _subschema(root, path).get("properties", {}).get(missing, {})
        line, col = doc.where(path)
        hint = prop.get("description", "") or "See the schema for what this field holds."
        examples = prop.get("examples")
        if examples:
            hint += f" Example: {missing}: {json.dumps(examples[0], ensure_ascii=False)}"
        return [Problem(doc.path, line, col, "ATL101", f"missing required field '{missing}'{_in(where)}", hint)]
    if error.validator == "pattern" and str(error.validator_value).startswith("^https://"):
        return []  # URLs get one clear report from rule ATL210, which also explains the reason
    line, col = doc.where(path)
    if error.validator == "enum":
        allowed = [str(v) for v in _sized(error.validator_value)]
        close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.5)
        hint = (f"did you mean '{close[0]}'? " if close else "") + f"Allowed: {', '.join(allowed)}."
        return [Problem(doc.path, line, col, "ATL103", f"{where or 'value'} is {_shown(error.instance)}, not an allowed value", hint)]
    if error.validator == "type":
        expected = error.validator_value
        hint = f"Expected {expected}."
        if expected == "string" and isinstance(error.instance, (int, float, bool)):
            hint += " Put the value in quotes so YAML keeps it as text."
        return [Problem(doc.path, line, col, "ATL100", f"{where or 'value'} is {_type_name(error.instance)}, expected {expected}", hint)]
    if error.validator in _FORM_VALIDATORS:
        description = schema.get("description", "")
        return [Problem(doc.path, line, col, "ATL104", f"{where or 'value'}: {_form_message(error)}", description)]
    return [Problem(doc.path, line, col, "ATL104", f"{where or 'value'}: {_trim(error.message)}", schema.get("description", ""))]


def _form_message(error: jsonschema.ValidationError) -> str:
    v, value = error.validator, error.validator_value
    instance = _sized(error.instance)
    if v == "maxLength":
        return f"text is {len(instance)} characters; at most {value} allowed"
    if v == "minLength":
        return f"text is {len(instance)} characters; at least {value} needed"
    if v == "maxItems":
        return f"list has {len(instance)} items; at most {value} allowed"
    if v == "minItems":
        return f"list has {len(instance)} items; at least {value} needed"
    if v == "uniqueItems":
        return "list contains the same item twice"
    if v == "format":
        return f"{_shown(error.instance)} is not a valid {value}"
    if v == "pattern":
        if isinstance(value, str) and value.startswith("^[a-z0-9]+"):
            return f"{_shown(error.instance)} is not a lowercase kebab-case id (a-z, 0-9 and single hyphens)"
        return f"{_shown(error.instance)} contains characters that are not allowed here (<, >, {{, }}, `, backslash, control or invisible characters, or spaces at either end)"
    if v == "propertyNames":
        return f"{_shown(error.instance)} has a key that is not a kebab-case id"
    return _trim(error.message)


def _subschema(root: Schema, path: tuple[str | int, ...]) -> Schema:
    """The schema of the value at `path` (following properties, additionalProperties and items)."""
    node: object = root
    for part in path:
        if not isinstance(node, dict):
            return {}
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            properties = node.get("properties", {})
            node = properties[part] if part in properties else node.get("additionalProperties", {})
    return node if isinstance(node, dict) else {}


def _sized(value: object) -> list[object] | str:
    """A value that a message can count or list (jsonschema types it loosely)."""
    return value if isinstance(value, (list, str)) else list(value) if isinstance(value, (tuple, dict, set)) else []


def _describe(path: tuple[str | int, ...]) -> str:
    parts: list[str] = []
    for part in path:
        parts.append(f"[{part}]" if isinstance(part, int) else (("." if parts else "") + str(part)))
    return "".join(parts)


def _in(where: str) -> str:
    return f" in {where}" if where else ""


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 60 else text[:57] + "..."


def _trim(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."


def _type_name(value: object) -> str:
    if value is None:
        return "empty"
    return {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)
