"""The stack hedge (docs/stack.md): ProperDocs, the MkDocs 1.x fork, builds the same site from the same mkdocs.yml."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

from conftest import REAL_CATALOG, ROOT, TEST_SITE_URL

spec = importlib.util.spec_from_file_location("compare_builds", ROOT / "scripts" / "compare_builds.py")
compare_builds = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_builds)


def test_compare_builds_sees_every_kind_of_difference(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for site in (a, b):
        (site / "x").mkdir(parents=True)
        (site / "x" / "index.html").write_text('<meta name="generator" content="one">same')
    (b / "x" / "index.html").write_text('<meta name="generator" content="two">same')
    assert compare_builds.compare(a, b) == [], "the generator tag is the one allowed difference"
    (a / "only-a.html").write_text("a")
    (b / "x" / "index.html").write_text('<meta name="generator" content="two">changed')
    assert compare_builds.compare(a, b) == [f"only in {a}: only-a.html", "differs: x/index.html"]


def test_properdocs_builds_the_same_site_as_mkdocs(real_site, tmp_path):
    dest = tmp_path / "properdocs"
    env = {**os.environ, "ATLAS_CATALOG": str(REAL_CATALOG), "NO_MKDOCS_2_WARNING": "1", "ATLAS_SITE_URL": TEST_SITE_URL}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert compare_builds.compare(real_site, dest) == []
