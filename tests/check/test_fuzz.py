"""Property-based tests: whatever a contributor writes, loading, checking and rendering end either in a
clean site or in located errors, never in a crash. `make fuzz` runs the same tests with a large budget
(HYPOTHESIS_PROFILE=fuzz); `make test` uses a small one."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from atlas.check.validate import check_catalog
from atlas.core.load import LoadError, load_file
from atlas.site.build import CatalogInvalid, load_valid_catalog
from atlas.site.export.api import catalog_csv, catalog_json
from atlas.site.render import compare, table
from atlas.site.render.tool import tool_page

from conftest import BASE_CATALOG, FIXTURE_DATE, ROOT

LOCATED = re.compile(r"^ATL\d{3}$")
BASE_ENTRY = yaml.safe_load((BASE_CATALOG / "tools" / "alpha-tracker.yaml").read_text(encoding="utf-8"))
TOOL_SCHEMA = json.loads((ROOT / "schema" / "tool.schema.json").read_text(encoding="utf-8"))
# Text that exercises every escaping path: markup, templates, quotes, entities, non-ASCII and controls.
HOSTILE_TEXT = st.text(alphabet=st.sampled_from(list("<>&\"'`{}%$#[]()!*_=+-@/\\:;. \n\tazAZ09é漢🧪\u202e\u200b\x00")) |
                       st.characters(), max_size=80)
YAML_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | HOSTILE_TEXT,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(HOSTILE_TEXT, inner, max_size=4),
                           max_leaves=12)


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def _check_and_render(entry_bytes: bytes) -> None:
    """Check the entry against the fixture catalog; errors must be located; a clean entry must render."""
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), "fuzzed.yaml", entry_bytes)
        checked = check_catalog(BASE_CATALOG, extra_tools=[path], today=FIXTURE_DATE)
        for problem in checked.problems:
            assert LOCATED.match(problem.code), problem
            assert problem.line >= 1 and problem.col >= 1, problem
            assert problem.message and problem.path
        if checked.errors:
            return
        catalog_dir = Path(tmp) / "catalog"
        import shutil
        shutil.copytree(BASE_CATALOG, catalog_dir)
        shutil.copyfile(path, catalog_dir / "tools" / path.name)
        try:
            catalog = load_valid_catalog(catalog_dir, today=FIXTURE_DATE)
        except CatalogInvalid as exc:  # file name differs from a fuzzed id: still a located error
            assert "ATL200" in str(exc)
            return
        for tool in catalog.tools.values():
            html = tool_page(catalog, tool, "../../")
            assert "<script" not in html.lower()
        for category in catalog.categories.values():
            table.comparison_table(catalog, category, "../../")
        compare.comparison_table(catalog, list(catalog.tools.values()), "../../")
        json.dumps(catalog_json(catalog))
        catalog_csv(catalog)


@given(st.binary(max_size=400))
def test_any_bytes_load_or_fail_with_a_located_error(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), "x.yaml", data)
        try:
            load_file(path, "x.yaml")
        except LoadError as exc:
            assert LOCATED.match(exc.problem.code) and exc.problem.line >= 1


@given(st.dictionaries(st.sampled_from(sorted(TOOL_SCHEMA["properties"]) + ["extra"]), YAML_VALUES, max_size=6))
def test_mutated_entries_check_and_render_without_crashing(changes):
    entry = {**BASE_ENTRY, **changes}
    _check_and_render(yaml.safe_dump(entry, allow_unicode=True).encode("utf-8", "surrogatepass"))


@given(HOSTILE_TEXT, st.sampled_from(["name", "summary", "description", "maintainer", "license_note"]))
def test_hostile_text_in_a_valid_entry_is_escaped_or_refused(value, field):
    entry = {**BASE_ENTRY, "id": "fuzzed", field: value}
    if field == "license_note":
        entry["license"] = "MIT"
    _check_and_render(yaml.safe_dump(entry, allow_unicode=True).encode("utf-8", "surrogatepass"))


def _enum_values(prop: dict) -> list:
    return prop.get("enum") or prop.get("items", {}).get("enum") or []


# An entry built from the schema's own vocabularies: every enum field draws from its allowed values (or
# lists of them), every other field from hostile text, so valid-looking entries reach the renderers.
SCHEMA_ENTRIES = st.fixed_dictionaries({
    name: (st.lists(st.sampled_from(_enum_values(prop)), min_size=1, max_size=3, unique=True)
           if prop.get("type") == "array" and _enum_values(prop) else
           st.sampled_from(_enum_values(prop)) if _enum_values(prop) else st.just(BASE_ENTRY[name]) | HOSTILE_TEXT)
    for name, prop in TOOL_SCHEMA["properties"].items() if name in BASE_ENTRY
})


@given(SCHEMA_ENTRIES)
def test_schema_shaped_entries_are_clean_or_located(entry):
    _check_and_render(yaml.safe_dump(entry, allow_unicode=True).encode("utf-8", "surrogatepass"))
