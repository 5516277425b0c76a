"""One invalid fixture per rule code, each producing exactly that one problem; valid fixtures produce none."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas.check.validate import check_catalog
from atlas.core import urls as rules
from atlas.core.codes import BY_CODE, RULES
from atlas.core.load import MAX_FILE_BYTES
from atlas.core.problems import format_report
from atlas.core.schema import python_schema

from conftest import BASE_CATALOG, FIXTURES, catalog_with_overlay

TODAY = dt.date(2026, 11, 26)
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (FIXTURES / "valid").iterdir() if p.is_dir())
GENERATED = {"ATL006"}  # fixtures too large to commit; built by the test below


def test_base_fixture_catalog_is_valid():
    assert check_catalog(BASE_CATALOG, today=TODAY).problems == []


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_reports_exactly_its_code(fixture: Path, tmp_path):
    code = fixture.name.split("-")[0]
    catalog = catalog_with_overlay(tmp_path, fixture)
    problems = check_catalog(catalog, today=TODAY).problems
    assert [p.code for p in problems] == [code], format_report(problems)
    problem = problems[0]
    assert problem.line >= 1 and problem.col >= 1
    assert Path(problem.path).exists() or code == "ATL213", problem.path


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.name)
def test_valid_fixture_has_no_problems(fixture: Path, tmp_path):
    catalog = catalog_with_overlay(tmp_path, fixture)
    checked = check_catalog(catalog, today=TODAY)
    assert checked.problems == [], format_report(checked.problems)
    assert len(checked.tools) == len(list((catalog / "tools").glob("*.yaml")))


def test_every_rule_has_a_fixture_and_no_fixture_is_orphaned():
    fixture_codes = {p.name.split("-")[0] for p in INVALID} | GENERATED
    assert fixture_codes == set(BY_CODE), "add a fixture under tests/fixtures/invalid/ for each new rule code"


def test_oversized_file(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    (catalog / "tools" / "huge.yaml").write_text("id: huge\ndescription: '" + "x" * MAX_FILE_BYTES + "'\n")
    assert [p.code for p in check_catalog(catalog, today=TODAY).problems] == ["ATL006"]


def test_all_errors_are_reported_at_once(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    for fixture in ("ATL101-missing-field", "ATL201-unknown-category", "ATL003-duplicate-key"):
        source = FIXTURES / "invalid" / fixture / "tools" / "gamma.yaml"
        (catalog / "tools" / f"gamma-{fixture[:6].lower()}.yaml").write_text(
            source.read_text().replace("id: gamma\n", f"id: gamma-{fixture[:6].lower()}\n").replace("name: Gamma\n", f"name: Gamma {fixture[:6]}\n"))
    codes = sorted(p.code for p in check_catalog(catalog, today=TODAY).problems)
    assert codes == ["ATL003", "ATL101", "ATL201"]


def test_hints_point_to_the_fix(tmp_path):
    catalog = catalog_with_overlay(tmp_path, FIXTURES / "invalid" / "ATL201-unknown-category")
    (problem,) = check_catalog(catalog, today=TODAY).problems
    assert "did you mean 'serving'?" in problem.hint
    assert problem.format().startswith(f"{problem.path}:{problem.line}:{problem.col}: ATL201 unknown category 'servng'")


def test_unknown_field_hint_suggests_closest_name(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    text = (catalog / "tools" / "beta-serve.yaml").read_text().replace("license:", "licence:")
    (catalog / "tools" / "beta-serve.yaml").write_text(text)
    problems = check_catalog(catalog, today=TODAY).problems
    assert sorted(p.code for p in problems) == ["ATL101", "ATL102"]
    unknown = next(p for p in problems if p.code == "ATL102")
    assert "did you mean 'license'?" in unknown.hint
    assert unknown.line == text.splitlines().index(next(line for line in text.splitlines() if line.startswith("licence:"))) + 1


def test_report_format_and_count():
    from atlas.core.problems import Problem
    report = format_report([Problem("b.yaml", 2, 3, "ATL201", "bad", "fix it"), Problem("a.yaml", 1, 1, "ATL101", "missing")])
    assert report.splitlines() == ["a.yaml:1:1: ATL101 missing", "b.yaml:2:3: ATL201 bad", "  hint: fix it", "2 errors in 2 files."]


def test_contributed_text_cannot_break_the_report_format():
    from atlas.core.problems import Problem
    line = Problem("a.yaml", 1, 1, "ATL201", "unknown category 'x\nfake.yaml:9:9: ATL000 forged'").format()
    assert len(line.splitlines()) == 1


def test_rule_table_is_well_formed():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(rule.title and rule.fix for rule in RULES)


# URLs built from pieces that each pass or trip one of the checks, so both the shortcut for plain
# https URLs and the full check are exercised, and compared.
_URL_PIECES = st.tuples(
    st.sampled_from(["https://", "http://", "HTTPS://", "https:/", "ftp://", "", "https://user:pw@", "https://@"]),
    st.sampled_from(["example.org", "docs.example.org", "Example.org", "localhost", "a.localhost", "db.internal", "x.test",
                     "10.0.0.1", "[::1]", "example.org.", "exa_mple.org", "-bad.org", "a..org", "org", "xn--bcher-kva.de",
                     "a" * 64 + ".org", "example.org:443", "example.org:8080", "example.org:x", "[bad", ""]),
    st.sampled_from(["", "/", "/docs/a-b_c.html", "?q=1&r=2", "#frag", "/a b", "/a\tb", "/\x7f", "/é", "/[x]", "\\evil"]))


@given(_URL_PIECES)
@settings(max_examples=300, deadline=None)
def test_plain_url_shortcut_agrees_with_the_full_check(pieces):
    url = "".join(pieces)
    assert rules.url_problem(url) == rules._url_problem_in_full(url)


@pytest.mark.parametrize("file,old", [("comparisons.yaml", "alpha-or-beta"), ("stacks.yaml", "tiny-team"),
                                      ("learning-path.yaml", "branch-step")])
def test_a_reserved_id_is_refused_in_every_list_that_makes_pages(tmp_path, file, old):
    catalog = catalog_with_overlay(tmp_path, None)
    path = catalog / file
    text = path.read_text(encoding="utf-8")
    assert f"  - id: {old}\n" in text
    path.write_text(text.replace(f"  - id: {old}\n", "  - id: index\n"), encoding="utf-8")
    problems = check_catalog(catalog, today=TODAY).problems
    assert [p.code for p in problems] == ["ATL241"], format_report(problems)
    line = text.splitlines().index(f"  - id: {old}") + 1
    assert (Path(problems[0].path).name, problems[0].line) == (file, line)


def test_an_id_with_a_trailing_newline_is_refused(tmp_path):
    """Python's `$` matches before a final newline; the schemas are checked with `\\Z` instead, for every pattern."""
    catalog = catalog_with_overlay(tmp_path, None)
    path = catalog / "tools" / "alpha-tracker.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: alpha-tracker\n", 'id: "alpha-tracker\\n"\n', 1), encoding="utf-8")
    problems = check_catalog(catalog, today=TODAY).problems
    assert ("ATL104", 2) in [(p.code, p.line) for p in problems], format_report(problems)
    for kind in ("tool", "categories", "comparisons", "stacks", "learning-path", "glossary", "stores"):
        patterns = _patterns(python_schema(kind))
        assert patterns and not [p for p in patterns if p.endswith("$")], kind


def _patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "pattern" and isinstance(v, str)] + [
            p for k, v in node.items() if k != "pattern" for p in _patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


def test_an_integer_beyond_the_digit_limit_is_a_located_error(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    (catalog / "tools" / "huge.yaml").write_text("id: huge\nstars: " + "9" * 5000 + "\n")
    problems = check_catalog(catalog, today=TODAY).problems
    assert [(p.code, p.line, p.col) for p in problems] == [("ATL002", 2, 8)], format_report(problems)
    assert "5000 digits" in problems[0].message


def test_a_file_named_only_dot_yaml_is_reported_not_skipped(tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    (catalog / "tools" / ".yaml").write_text("id: ''\n", encoding="utf-8")
    (catalog / "tools" / ".DS_Store").write_bytes(b"\0")
    problems = check_catalog(catalog, today=TODAY).problems
    assert [(p.code, Path(p.path).name) for p in problems] == [("ATL213", ".yaml")], format_report(problems)


def test_a_symlinked_tools_folder_is_refused_and_not_read(tmp_path):
    catalog = catalog_with_overlay(tmp_path / "c", None)
    outside = tmp_path / "outside"
    (catalog / "tools").rename(outside)
    (catalog / "tools").symlink_to(outside, target_is_directory=True)
    checked = check_catalog(catalog, today=TODAY)
    assert ("ATL001", "tools") in [(p.code, Path(p.path).name) for p in checked.problems], format_report(checked.problems)
    assert not checked.tools, "nothing is read through the link"
