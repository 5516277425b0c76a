"""`python -m atlas check` as a contributor runs it: located lines, a count, and the exit status."""

import re
import subprocess
import sys

from conftest import FIXTURES, REAL_CATALOG, ROOT

LINE = re.compile(r"^\S+:\d+:\d+: ATL\d{3} .+$")


def check(*args):
    return subprocess.run([sys.executable, "-m", "atlas", "check", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_real_catalog_passes():
    result = check()
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "No errors."


def test_broken_copy_of_an_entry_is_reported_with_locations(tmp_path):
    broken = tmp_path / "mlflow.yaml"
    text = (REAL_CATALOG / "tools" / "mlflow.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("pricing: free\n", "pricing: fre\n").replace("status: active\n", "status: active\nstars: 5\n"),
                      encoding="utf-8")
    result = check(broken)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    problems = [l for l in lines if LINE.match(l)]
    assert [re.search(r"ATL\d{3}", l).group() for l in problems] == ["ATL103", "ATL102"]
    assert all(l.startswith(f"{broken}:") for l in problems), problems
    assert "  hint: did you mean 'free'?" in result.stdout
    assert lines[-1] == "2 errors in 1 file."
    assert "Traceback" not in result.stdout + result.stderr


def test_a_catalog_folder_can_be_checked():
    result = check(FIXTURES / "catalog")
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
