"""Shared test helpers: fixture catalogs, overlays, and site builds into temporary folders."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property-based tests everywhere use one budget: small in `make test`, 10,000 examples per property in
# `make fuzz` (HYPOTHESIS_PROFILE=fuzz).
settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BASE_CATALOG = FIXTURES / "catalog"
REAL_CATALOG = ROOT / "catalog"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Built as if published under a sub-path, as on GitHub Pages, so absolute links are checked too.
TEST_SITE_URL = "https://atlas.example.org/atlas/"
# The date the fixture catalogs are checked as of, so their `reviewed` dates never grow stale (ATLAS_TODAY).
FIXTURE_DATE = dt.date(2026, 11, 26)
FIXTURE_ENV = {"ATLAS_TODAY": FIXTURE_DATE.isoformat()}


def newest_review(catalog: Path) -> dt.date:
    """The newest `reviewed` date of a catalog's entries: the date its data speaks for, read from the data."""
    found = re.findall(r"^reviewed: (\d{4}-\d{2}-\d{2})\s*$", "\n".join(
        p.read_text(encoding="utf-8") for p in (catalog / "tools").glob("*.yaml")), flags=re.MULTILINE)
    return max(dt.date.fromisoformat(d) for d in found)


# The real catalog is tested as of its own newest review, never the clock: staleness is what `atlas check`
# and the "Entries to review" page report on the day, and a test must not turn red because a date passed.
# Every check and build in the tests that does not pin its own date (the fixtures pin FIXTURE_DATE) uses it.
REAL_DATE = newest_review(REAL_CATALOG)
os.environ["ATLAS_TODAY"] = REAL_DATE.isoformat()


def catalog_with_overlay(tmp_path: Path, overlay: Path | None, base: Path = BASE_CATALOG) -> Path:
    """Copy `base` to tmp_path, then copy the overlay's files over it; `X.delete` removes X."""
    target = tmp_path / "catalog"
    shutil.copytree(base, target, symlinks=True)
    if overlay is not None:
        for source in sorted(p for p in overlay.rglob("*") if p.is_file()):
            relative = source.relative_to(overlay)
            if source.suffix == ".delete":
                (target / relative.with_suffix("")).unlink()
                continue
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)
    return target


def build_site(catalog: Path, dest: Path, *, check: bool = True) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the real site configuration, with `catalog` as the data."""
    env = {**os.environ, "ATLAS_CATALOG": str(catalog), "NO_MKDOCS_2_WARNING": "1", "ATLAS_SITE_URL": TEST_SITE_URL,
           **({} if catalog == REAL_CATALOG else FIXTURE_ENV)}
    result = subprocess.run([*MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        pytest.fail(f"mkdocs build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The site built from the real catalog, once per test session."""
    dest = tmp_path_factory.mktemp("real-site") / "site"
    build_site(REAL_CATALOG, dest)
    return dest


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built from the tiny fixture catalog plus the valid overlays' unusual entries."""
    work = tmp_path_factory.mktemp("fixture-site")
    catalog = catalog_with_overlay(work, FIXTURES / "valid" / "unicode-text")
    dest = work / "site"
    build_site(catalog, dest)
    return dest
