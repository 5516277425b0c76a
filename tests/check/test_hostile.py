"""The hostile corpus (tests/fixtures/hostile/cases.yaml): every attack is refused with a located error,
or accepted and shown as inert text everywhere the field appears. See SECURITY.md for the threat model."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, catalog_with_overlay
from hostile_corpus import CASES, HOSTILE, REJECTED

MEMORY_LIMIT = 1024 ** 3  # the checker must refuse a YAML bomb without growing past this
HANG_GUARD = 60  # seconds; a refusal takes well under a second (measured by `make bench`), this only stops a hang
DANGEROUS_TAGS = ["script", "iframe", "style", "svg", "math", "img", "object", "embed", "base", "meta", "link", "textarea"]


def test_corpus_covers_at_least_40_attacks_each_listed_once():
    assert len(CASES) >= 40
    files = [c["file"] for c in CASES]
    assert len(files) == len(set(files))
    on_disk = {p.name for p in HOSTILE.iterdir() if p.name != "cases.yaml"}
    assert on_disk == {c["file"] for c in CASES if "symlink_to" not in c}
    assert {c["outcome"] for c in CASES} == {"reject", "inert"}


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.fixture(scope="module")
def refusals(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """One `atlas check` run, under a memory limit, over one catalog per rejected case (case file -> its folder).

    One process for all cases keeps the suite fast; each case still has its own catalog, so no refusal hides another."""
    work = tmp_path_factory.mktemp("refused")
    folders = {}
    for case in REJECTED:
        catalog = catalog_with_overlay(work / case["file"].removesuffix(".yaml"), None)
        target = catalog / "tools" / case["file"]
        if "symlink_to" in case:
            target.symlink_to(case["symlink_to"])
        else:
            shutil.copyfile(HOSTILE / case["file"], target)
        folders[case["file"]] = str(catalog.relative_to(work))
    result = subprocess.run([sys.executable, "-m", "atlas", "check", "--no-format", *folders.values()], cwd=work,
                            capture_output=True, text=True, timeout=HANG_GUARD, preexec_fn=_limit_memory,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return result, folders


def test_refusals_end_in_a_report_not_a_crash(refusals):
    result, _ = refusals
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", REJECTED, ids=lambda c: c["file"])
def test_attack_is_refused_with_a_located_error(case, refusals):
    result, folders = refusals
    located = rf"^{re.escape(folders[case['file']])}/tools/{re.escape(case['file'])}:\d+:\d+: {case['code']} "
    assert re.search(located, result.stdout, re.MULTILINE), result.stdout
