"""`atlas new`: a new entry that fails the check until a person fills it, then passes; duplicates caught."""

import re
import subprocess
import sys

import pytest

from atlas.check.validate import check_catalog
from atlas.core.problems import format_report
from atlas.fmt import layout as fmt
from atlas.new import SCHEMA_LINE, derive_id

from conftest import FIXTURE_DATE, ROOT, catalog_with_overlay

FILLED = {
    "summary": "Invented run tracker that the scaffold test fills in.",
    "description": "A fixture entry written by atlas new. The test fills in every required field and nothing else.",
    "offering": "[library]",
    "pricing": "free",
    "maintainer": "Example community",
    "status": "active",
    "fit": "[solo]",
    "reviewed": "2026-11-01",
}
# Required only when the entry has a repository: the scaffold asks for it then, and leaves it commented out otherwise.
WITH_REPOSITORY = {"license_source": "https://github.com/example/gamma-tracker/blob/v1.0.0/LICENSE"}


def atlas_new(catalog, *args, stdin=""):
    return subprocess.run([sys.executable, "-m", "atlas", "new", "--catalog", str(catalog), *args], cwd=ROOT,
                          input=stdin, capture_output=True, text=True, timeout=120)


def fill_required(text: str) -> str:
    """What a contributor does: replace each empty required field (and its TODO comment) with a value."""
    for field, value in FILLED.items():
        text, count = re.subn(rf"^{field}:  # TODO \(required\).*$", f"{field}: {value}", text, flags=re.MULTILINE)
        assert count == 1, field
    for field, value in WITH_REPOSITORY.items():
        repository = re.search(r"^repository: ", text, flags=re.MULTILINE) is not None
        text, count = re.subn(rf"^{field}:  # TODO \(required with a repository\).*$", f"{field}: {value}", text, flags=re.MULTILINE)
        assert count == int(repository), field
    return text


@pytest.fixture()
def catalog(tmp_path):
    return catalog_with_overlay(tmp_path, None)


def test_interactive_entry_fails_until_filled_then_passes(catalog):
    answers = "Gamma Tracker\n1\nhttps://gamma.example.org/\nhttps://github.com/example/gamma-tracker\nApache-2.0\ny\n"
    result = atlas_new(catalog, stdin=answers)
    assert result.returncode == 0, result.stdout
    path = catalog / "tools" / "gamma-tracker.yaml"
    assert f"Id: gamma-tracker\nFile: {path}\n" in result.stdout
    assert "1  tracking" in result.stdout and "2  serving" in result.stdout, "the categories are offered as a numbered list"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    for line in text.splitlines()[1:]:
        if line.startswith(tuple(f"{f}:" for f in FILLED)):
            assert "# TODO" in line, line
    for optional in ("documentation", "license_note", "differs_from", "requires"):
        assert re.search(rf"^# {optional}:  # TODO \(optional", text, flags=re.MULTILINE), optional
    assert '    server: {value: "unknown"}  # Self-hostable server: The server runs on your own machines.' in text

    before = check_catalog(catalog, today=FIXTURE_DATE)
    assert {p.code for p in before.errors} <= {"ATL100", "ATL103"}
    assert {p.path.rsplit("/", 1)[-1] for p in before.errors} == {"gamma-tracker.yaml"}
    assert {re.search(r"^(\w+) is empty", p.message).group(1) for p in before.errors if p.code == "ATL100"} == set(FILLED) | set(WITH_REPOSITORY)

    path.write_text(fill_required(text), encoding="utf-8")
    after = check_catalog(catalog, today=FIXTURE_DATE)
    assert after.problems == [], format_report(after.problems)


def test_flags_make_it_non_interactive(catalog):
    result = atlas_new(catalog, "--name", "Delta Serve", "--category", "serving", "--homepage", "https://delta.example.org/",
                       "--repository", "", "--license", "Proprietary", "--yes")
    assert result.returncode == 0, result.stdout
    text = (catalog / "tools" / "delta-serve.yaml").read_text(encoding="utf-8")
    assert "categories: [serving]" in text and "license: Proprietary" in text
    assert re.search(r"^# repository:  # TODO \(optional", text, flags=re.MULTILINE)
    assert "  - https://delta.example.org/\n" in text
    assert fmt.format_text(text, "tool", fmt.criteria_order(catalog)) == text, "the scaffold writes the canonical layout"


def test_wrong_answers_are_explained_and_asked_again(catalog):
    answers = "Epsilon\n9\nservng\n2\nhttp://epsilon.example.org/\nhttps://epsilon.example.org/\n\nnot a licence!\nMIT\n"
    result = atlas_new(catalog, "--yes", stdin=answers)
    assert result.returncode == 0, result.stdout
    assert "did you mean 'serving'?" in result.stdout
    assert "only https is allowed" in result.stdout
    assert "categories: [serving]" in (catalog / "tools" / "epsilon.yaml").read_text(encoding="utf-8")


def test_stdin_ending_early_writes_nothing(catalog):
    result = atlas_new(catalog, stdin="Zeta\n")
    assert result.returncode == 2
    assert "Nothing written." in result.stderr
    assert not (catalog / "tools" / "zeta.yaml").exists()


@pytest.mark.parametrize("args, message", [
    (["--name", "Alpha Tracker"], "alpha-tracker.yaml already exists"),
    (["--name", "ALPHA  tracker", "--id", "other-id"], "the name 'Alpha Tracker' is already in the catalog"),
    (["--name", "Gamma", "--repository", "https://GitHub.com/example/alpha-tracker.git/"], "is already listed by"),
])
def test_duplicates_are_refused(catalog, args, message):
    defaults = {"--category": "tracking", "--homepage": "https://gamma.example.org/", "--repository": "", "--license": "MIT"}
    for flag, value in defaults.items():
        if flag not in args:
            args = [*args, flag, value]
    before = sorted(p.name for p in (catalog / "tools").iterdir())
    result = atlas_new(catalog, *args, "--yes")
    assert result.returncode == 1
    assert message in result.stdout
    assert sorted(p.name for p in (catalog / "tools").iterdir()) == before


def test_near_identical_names_warn_and_ask(catalog):
    args = ["--name", "Alpha-Trackr", "--category", "tracking", "--homepage", "https://a.example.org/", "--repository", "",
            "--license", "MIT"]
    refused = atlas_new(catalog, *args, stdin="\n")
    assert "warning: 'Alpha-Trackr' looks like 'Alpha Tracker'" in refused.stdout
    assert "[y/N]" in refused.stdout, "a warning makes 'no' the default"
    assert refused.returncode == 1 and not (catalog / "tools" / "alpha-trackr.yaml").exists()
    accepted = atlas_new(catalog, *args, "--yes")
    assert accepted.returncode == 0 and "warning:" in accepted.stdout
    assert (catalog / "tools" / "alpha-trackr.yaml").exists()


def test_invalid_flag_is_a_usage_error(catalog):
    result = atlas_new(catalog, "--name", "X", "--category", "nope", "--homepage", "https://x.example.org/", "--license", "MIT")
    assert result.returncode == 2 and "--category 'nope'" in result.stderr and result.stderr.startswith("usage:")


@pytest.mark.parametrize("name, expected", [
    ("MLflow", "mlflow"), ("Weights & Biases", "weights-biases"), ("Zéta Ünïcode", "zeta-unicode"),
    ("  Apache  Airflow ", "apache-airflow"), ("日本", ""),
])
def test_derive_id(name, expected):
    assert derive_id(name) == expected
