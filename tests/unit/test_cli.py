"""`python -m atlas check` as a contributor runs it: located lines, a count, and the exit status."""

import os
import re
import subprocess
import sys

import pytest

from conftest import FIXTURE_ENV, FIXTURES, REAL_CATALOG, ROOT

LINE = re.compile(r"^\S+:\d+:\d+: ATL\d{3} .+$")


def check(*args, env=None):
    return subprocess.run([sys.executable, "-m", "atlas", "check", *map(str, args)], cwd=ROOT,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=120)


def test_real_catalog_passes():
    result = check()
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("No errors")  # warnings (stale reviews, GitHub facts) may be listed


def test_broken_copy_of_an_entry_is_reported_with_locations(tmp_path):
    broken = tmp_path / "mlflow.yaml"
    text = (REAL_CATALOG / "tools" / "mlflow.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("pricing: free\n", "pricing: fre\n").replace("status: active\n", "status: active\nstars: 5\n"),
                      encoding="utf-8")
    result = check(broken)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    problems = [line for line in lines if LINE.match(line) and " warning: " not in line]  # stale reviews elsewhere only warn
    assert [re.search(r"ATL\d{3}", line).group() for line in problems] == ["ATL103", "ATL102"]
    assert all(line.startswith(f"{broken}:") for line in problems), problems
    assert "  hint: did you mean 'free'?" in result.stdout
    assert re.fullmatch(r"2 errors in 1 file(, \d+ warnings?)?\.", lines[-1]), lines[-1]
    assert "Traceback" not in result.stdout + result.stderr


def test_a_catalog_folder_can_be_checked():
    result = check(FIXTURES / "catalog", env=FIXTURE_ENV)
    assert (result.returncode, result.stdout.strip()) == (0, "No errors.")


def test_yaml_syntax_error_is_reported_the_same_way(tmp_path):
    broken = tmp_path / "gamma.yaml"
    broken.write_bytes((FIXTURES / "invalid" / "ATL002-yaml-syntax" / "tools" / "gamma.yaml").read_bytes())
    result = check("--catalog", FIXTURES / "catalog", broken)
    assert result.returncode == 1
    assert re.search(r"gamma\.yaml:\d+:\d+: ATL002 YAML syntax error", result.stdout)


def test_missing_path_is_a_usage_error():
    result = check("no/such/file.yaml")
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_stale_review_warns_then_fails(tmp_path):
    """Review ages are measured from ATLAS_TODAY when it is set (here: the fixtures' pinned date)."""
    entry = tmp_path / "alpha-tracker.yaml"
    text = (FIXTURES / "catalog" / "tools" / "alpha-tracker.yaml").read_text(encoding="utf-8")
    for reviewed, status, code, last in [("2025-06-01", 0, "ATL216 warning: reviewed 2025-06-01", "No errors, 1 warning."),
                                         ("2024-06-01", 1, "ATL217 reviewed 2024-06-01", "1 error in 1 file.")]:
        entry.write_text(re.sub(r"^reviewed: .*$", f"reviewed: {reviewed}", text, flags=re.MULTILINE), encoding="utf-8")
        result = check("--catalog", FIXTURES / "catalog", entry, env=FIXTURE_ENV)
        assert result.returncode == status, result.stdout
        assert re.search(rf"alpha-tracker\.yaml:\d+:\d+: {code}", result.stdout)
        assert result.stdout.splitlines()[-1] == last


def atlas(*args):
    return subprocess.run([sys.executable, "-m", "atlas", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", [
    ["check", "no/such/file.yaml"],               # a command's own usage error
    ["fmt", "--check", "no/such/file.yaml"],
    ["new", "--catalog", "no/such/catalog"],
    ["links", "--url-file", "no/such/urls.txt"],
    ["check", "--no-such-flag"],                  # argparse's usage errors
    ["nope"],
    [],
])
def test_every_usage_error_is_exit_2_on_stderr_with_the_usage_line(args):
    result = atlas(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("usage: python -m atlas"), result.stderr
    assert "error: " in result.stderr and "Traceback" not in result.stderr


def test_each_command_is_declared_once_and_imported_only_when_it_runs():
    from atlas import cli
    assert [c.name for c in cli.COMMANDS] == ["check", "new", "fmt", "links", "enrich"]
    code = ("import sys; from atlas.cli import main; main(['check', '--no-format', 'tests/fixtures/catalog']); "
            "print(sorted(m for m in ('httpx', 'ruamel.yaml', 'atlas.links.command', 'atlas.github.enrich') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, **FIXTURE_ENV})
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr
