"""The schemas are the first contributor documentation: complete, strict, valid draft-07."""

import json

import jsonschema
import pytest

from atlas.core.layout import KINDS
from atlas.core.schema import SCHEMA_DIR


def walk(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}/{i}")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft7(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text())
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_is_documented(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text())
    undocumented = [f"{path}/properties/{name}" for path, node in walk(schema)
                    for name, prop in (node.get("properties") or {}).items()
                    if isinstance(node.get("properties"), dict) and "/if" not in path  # if/then conditions define no fields
                    and not (prop.get("title") and prop.get("description") and prop.get("examples"))]
    assert undocumented == [], "add title, description and examples to these properties"


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_keys_are_errors_at_every_level(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text())
    open_objects = [path for path, node in walk(schema)
                    if node.get("type") == "object" and node.get("additionalProperties") is not False
                    and not isinstance(node.get("additionalProperties"), dict)]
    assert open_objects == [], "set additionalProperties: false (or a schema) on these objects"


@pytest.mark.parametrize("kind", KINDS)
def test_examples_validate_against_their_property(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text())
    failures = []
    for path, node in walk(schema):
        if "/if" in path or not isinstance(node.get("properties"), dict):
            continue
        for name, prop in node["properties"].items():
            for example in prop.get("examples", []):
                errors = list(jsonschema.Draft7Validator(prop).iter_errors(example))
                if errors:
                    failures.append(f"{path}/properties/{name}: {example!r}: {errors[0].message}")
    assert failures == []
