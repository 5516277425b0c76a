"""The fast schema path (fastjsonschema plus conditions checked in Python) must give the same
valid/invalid answer as jsonschema, which reports the errors. Both are run on the same data here."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from atlas.core import schema
from atlas.core.load import load_file

from conftest import BASE_CATALOG, ROOT

# Loaded as the Atlas loads them (YAML 1.2 core schema: dates stay text), so that both start valid.
BASE_ENTRY = load_file(BASE_CATALOG / "tools" / "alpha-tracker.yaml").data
REAL_ENTRY = load_file(ROOT / "catalog" / "tools" / "mlflow.yaml").data


def jsonschema_says_valid(data, kind: str = "tool") -> bool:
    return not any(True for _ in schema.validator(kind).iter_errors(data))


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_every_condition_of_the_tool_schema_is_checked_in_python():
    """Otherwise fastjsonschema's exception-driven if/then would be back on the hot path."""
    fast, conditions = schema.lift_conditions(schema.load_schema("tool"))
    assert not [node for node in _walk(fast) if "if" in node]
    assert {(c.where, c.field, c.required) for c in conditions} == {
        ((), "status", ("status_note",)), ((), "status", ("acquired_by",)), ((), "status", ("status_evidence",)),
        (("criteria", "*", "*"), "value", ("source",)), (("criteria", "*", "*"), "value", ("note",))}
    assert [node for node in _walk(schema.load_schema("tool")) if "if" in node], "the published schema keeps them"


def test_conditions_of_another_shape_stay_in_the_schema():
    other = {"type": "object", "allOf": [{"if": {"properties": {"a": {"minLength": 2}}}, "then": {"required": ["b"]}}]}
    fast, conditions = schema.lift_conditions(other)
    assert conditions == [] and fast == other


def test_keys_next_to_named_properties_are_not_treated_as_every_key():
    nested = {"type": "object", "properties": {"x": {"type": "object"}},
              "additionalProperties": {"allOf": [{"if": {"properties": {"v": {"const": "a"}}}, "then": {"required": ["w"]}}]}}
    fast, conditions = schema.lift_conditions(nested)
    assert conditions == [] and fast == nested


def test_each_lifted_condition_rejects_what_jsonschema_rejects():
    cases = []
    acquired = {**REAL_ENTRY, "status": "acquired", "status_note": "Bought in 2026.", "acquired_by": "Example Corp",
                "status_evidence": {"source": "https://example.org/news", "date": "2026-01-01"}}
    cases.append((acquired, True))
    cases.append(({k: v for k, v in acquired.items() if k != "status_evidence"}, False))
    cases.append(({k: v for k, v in acquired.items() if k != "acquired_by"}, False))
    cases.append(({k: v for k, v in acquired.items() if k != "status_note"}, False))
    archived = {**REAL_ENTRY, "status": "archived"}
    archived.pop("status_note", None)
    cases.append((archived, False))
    for value, drop, expected in (("yes", "source", False), ("partial", "note", False), ("unknown", "source", True),
                                  ("no", "note", True), ("partial", "source", False)):
        entry = copy.deepcopy(REAL_ENTRY)
        category = next(iter(entry["criteria"]))
        criterion = next(iter(entry["criteria"][category]))
        entry["criteria"][category][criterion] = {"value": value, "source": "https://example.org/x", "note": "A note."}
        del entry["criteria"][category][criterion][drop]
        cases.append((entry, expected))
    for entry, expected in cases:
        assert jsonschema_says_valid(entry) is expected, entry.get("status")
        assert schema.is_valid(entry, "tool") is expected, entry.get("status")


ANSWERS = st.fixed_dictionaries({}, optional={
    "value": st.sampled_from(["yes", "no", "partial", "unknown", "maybe"]) | st.integers() | st.none(),
    "source": st.sampled_from(["https://example.org/a", "http://example.org", ""]),
    "note": st.sampled_from(["Only for tables.", ""]),
    "extra": st.just(1)})
CRITERIA = st.dictionaries(st.sampled_from(list(BASE_ENTRY.get("criteria", {})) + ["Bad Id", "experiment-tracking"]),
                           st.dictionaries(st.sampled_from(["artifact-storage", "ui", "x-y"]), ANSWERS | st.just("yes"), max_size=3)
                           | st.just([]), max_size=2)
STATUS = st.fixed_dictionaries({}, optional={
    "status": st.sampled_from(["active", "maintenance", "archived", "acquired", "discontinued", "gone"]),
    "status_note": st.just("Since 2025."), "acquired_by": st.just("Example Corp"), "status_evidence": st.just({"source": "https://example.org/news", "date": "2026-01-01"})})


@given(CRITERIA, STATUS, st.sets(st.sampled_from(["status", "status_note", "acquired_by", "status_evidence", "criteria", "id"])))
def test_fast_path_agrees_with_jsonschema(criteria, status, dropped):
    for base in (BASE_ENTRY, REAL_ENTRY):
        entry = {k: v for k, v in base.items() if k not in {"status", "status_note", "acquired_by", "status_evidence"}}
        entry.update(status)
        entry["criteria"] = criteria
        for name in dropped:
            entry.pop(name, None)
        valid = jsonschema_says_valid(entry)
        assert schema.is_valid(entry, "tool") == valid
        VERDICTS.add(valid)


VERDICTS: set[bool] = set()


def test_the_agreement_test_saw_valid_and_invalid_entries():
    """Guards the property test above: agreement on invalid entries alone would prove little."""
    test_fast_path_agrees_with_jsonschema()
    assert {True, False} == VERDICTS
