"""`atlas fmt`: canonical key order and layout, comments kept in place, never a change to the data."""

import io
import shutil
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from atlas.check.validate import check_catalog
from atlas.core.layout import OPTIONAL_FILES, SHARED_FILES
from atlas.core.load import load_text
from atlas.fmt import layout as fmt

from conftest import BASE_CATALOG, FIXTURE_DATE, FIXTURES, REAL_CATALOG, ROOT, catalog_with_overlay

UNFORMATTED = FIXTURES / "invalid" / "ATL220-unformatted-file" / "tools" / "gamma.yaml"
FIXTURE_ORDER = fmt.criteria_order(BASE_CATALOG)
REAL_ORDER = fmt.criteria_order(REAL_CATALOG)


def atlas_fmt(*args):
    return subprocess.run([sys.executable, "-m", "atlas", "fmt", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def scrambled(text: str) -> str:
    """The same entry with its top-level keys and its criteria in reverse order, in another indentation."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=4, sequence=6, offset=4)
    data = yaml.load(text)
    for mapping in [data, *data.get("criteria", {}).values()]:
        for key in reversed(list(mapping)):
            mapping.move_to_end(key)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["mlflow.yaml", "onnx-runtime.yaml", "pgvector.yaml", "vscode-jupyter.yaml"])
def test_scrambled_real_entry_is_restored_exactly(name):
    original = (REAL_CATALOG / "tools" / name).read_text(encoding="utf-8")
    mixed = scrambled(original)
    assert mixed != original
    assert fmt.format_text(mixed, "tool", REAL_ORDER) == original


def test_formatting_is_idempotent_and_keeps_the_data():
    text = UNFORMATTED.read_text(encoding="utf-8")
    once = fmt.format_text(text, "tool", FIXTURE_ORDER)
    assert once != text
    assert fmt.format_text(once, "tool", FIXTURE_ORDER) == once
    assert load_text(once, "x").data == load_text(text, "x").data
    assert list(load_text(once, "x").data)[:3] == ["id", "name", "summary"]


def test_criteria_follow_the_tools_categories_then_the_taxonomy():
    text = ("id: t\ncategories: [serving, tracking]\ncriteria:\n"
            "  tracking:\n    offline: {value: unknown}\n    server: {value: unknown}\n    custom: {value: unknown}\n"
            "  serving:\n    kubernetes: {value: unknown}\n    batching: {value: unknown}\n")
    data = load_text(fmt.format_text(text, "tool", FIXTURE_ORDER), "x").data
    assert list(data["criteria"]) == ["serving", "tracking"]
    assert list(data["criteria"]["serving"]) == ["batching", "kubernetes"]
    assert list(data["criteria"]["tracking"]) == ["server", "offline", "custom"], "unknown keys go last, as written"


COMMENTED = """\
# yaml-language-server: $schema=../../schema/tool.schema.json
# header comment

name: X  # beside name
# above id
id: x
categories: [b, a]
criteria:
  # above a
  a:
    k: {value: unknown}
  b:
    # above k2
    k2: {value: "yes", source: "https://x.org/#not-a-comment"}  # beside k2
    k1: {value: "no", source: "https://x.org/"}
# above sources
sources:
  - https://a.org/  # beside item 0
  # above item 1
  - https://b.org/
description: >-
  text # not a comment
  # not a comment either
summary: "quoted # not a comment"
# trailing comment
"""


def test_comments_stay_with_their_entries():
    out = fmt.format_text(COMMENTED, "tool", {"b": ["k1", "k2"], "a": ["k"]})
    lines = out.splitlines()
    assert lines[:3] == ["# yaml-language-server: $schema=../../schema/tool.schema.json", "# header comment", ""]
    assert lines[lines.index("id: x") - 1] == "# above id"
    assert "name: X  # beside name" in lines
    assert lines[lines.index("  a:") - 1] == "  # above a"
    k2 = next(i for i, line in enumerate(lines) if line.startswith("    k2:"))
    assert lines[k2 - 1] == "    # above k2" and lines[k2].endswith("}  # beside k2")
    assert lines[k2 - 2].startswith("    k1:"), "k1 moved above k2, and k2's comment moved with it"
    assert lines[lines.index("sources:") - 1] == "# above sources"
    assert "  - https://a.org/  # beside item 0" in lines
    assert lines[lines.index("  - https://b.org/") - 1] == "  # above item 1"
    assert lines[-1] == "# trailing comment"
    assert "  text # not a comment" in lines and "  # not a comment either" in lines
    assert load_text(out, "x").data == load_text(COMMENTED, "x").data
    assert fmt.format_text(out, "tool", {"b": ["k1", "k2"], "a": ["k"]}) == out


def test_line_ends_and_byte_order_mark_are_not_layout():
    text = (REAL_CATALOG / "tools" / "mlflow.yaml").read_text(encoding="utf-8")
    assert fmt.format_text("\ufeff" + text.replace("\n", "\r\n"), "tool", REAL_ORDER) == text


def test_check_prints_a_diff_and_exits_1_without_touching_the_file(tmp_path):
    target = tmp_path / "gamma.yaml"
    shutil.copy(UNFORMATTED, target)
    before = target.read_bytes()
    result = atlas_fmt("--check", "--catalog", BASE_CATALOG, target)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"--- {target}\n+++ {target} (formatted)\n" in result.stdout
    assert "\n+id: gamma\n name: Gamma\n-id: gamma\n" in result.stdout
    assert "\n-pricing:   free\n" in result.stdout and "\n+pricing: free\n" in result.stdout
    assert result.stdout.rstrip().endswith("1 file of 1 would be reformatted; run `python -m atlas fmt` to fix them.")
    assert target.read_bytes() == before


def test_fmt_rewrites_then_check_passes(tmp_path):
    target = tmp_path / "gamma.yaml"
    shutil.copy(UNFORMATTED, target)
    result = atlas_fmt("--catalog", BASE_CATALOG, target)
    assert (result.returncode, result.stdout.splitlines()[0]) == (0, f"formatted {target}")
    assert target.read_text(encoding="utf-8") == fmt.format_text(UNFORMATTED.read_text(encoding="utf-8"), "tool", FIXTURE_ORDER)
    again = atlas_fmt("--check", "--catalog", BASE_CATALOG, target)
    assert (again.returncode, again.stdout.strip()) == (0, "1 file already formatted.")


def test_a_file_that_cannot_be_loaded_is_reported_and_left_alone(tmp_path):
    target = tmp_path / "gamma.yaml"
    shutil.copy(FIXTURES / "invalid" / "ATL003-duplicate-key" / "tools" / "gamma.yaml", target)
    before = target.read_bytes()
    result = atlas_fmt(target)
    assert result.returncode == 1
    assert f"{target}:18:1: ATL003 duplicate key 'name'" in result.stdout
    assert target.read_bytes() == before


def test_the_real_catalog_is_formatted():
    result = atlas_fmt("--check")
    assert result.returncode == 0, "run `python -m atlas fmt` and commit the result:\n" + result.stdout[-3000:]
    count = len(list((REAL_CATALOG / "tools").glob("*.yaml"))) + len(SHARED_FILES) + sum((REAL_CATALOG / n).exists() for n in OPTIONAL_FILES)
    assert result.stdout.strip() == f"{count} files already formatted."


def test_check_warns_about_layout_but_only_for_files_without_errors(tmp_path):
    catalog = catalog_with_overlay(tmp_path, UNFORMATTED.parent.parent)
    problems = check_catalog(catalog, today=FIXTURE_DATE).problems
    assert [(p.code, p.severity, p.line) for p in problems] == [("ATL220", "warning", 3)]
    assert "python -m atlas fmt" in problems[0].hint
    (catalog / "tools" / "gamma.yaml").write_text(UNFORMATTED.read_text().replace("pricing:   free", "pricing: fre"))
    assert [p.code for p in check_catalog(catalog, today=FIXTURE_DATE).problems] == ["ATL103"], "a broken file gets its error, not a layout warning"
    assert check_catalog(catalog, today=FIXTURE_DATE, formatting=False).problems[0].code == "ATL103"
