"""The package is installable on its own: schemas shipped as package data, dependencies declared, and a wheel
installed into a fresh virtual environment checks the catalog."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REAL_CATALOG, ROOT

PACKAGED = ROOT / "atlas" / "core" / "schemas"


def test_the_packaged_schemas_are_the_contributors_copy():
    """schema/ is what editors and contributors read; atlas/core/schemas/ is what the installed checker reads."""
    theirs = {p.name: p.read_bytes() for p in (ROOT / "schema").glob("*.json")}
    ours = {p.name: p.read_bytes() for p in PACKAGED.glob("*.json")}
    assert set(ours) == set(theirs), "copy every schema: cp schema/*.json atlas/core/schemas/"
    changed = sorted(name for name in theirs if theirs[name] != ours[name])
    assert changed == [], f"schema/ and atlas/core/schemas/ differ in {changed}: cp schema/*.json atlas/core/schemas/"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a clean copy of the sources (no build/ or egg-info left over from another build)."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    shutil.copy(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "atlas", source / "atlas", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    (built,) = out.glob("mlops_atlas-*.whl")
    return built


def test_the_wheel_carries_the_schemas_and_declares_its_dependencies(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    assert {f"atlas/core/schemas/{p.name}" for p in (ROOT / "schema").glob("*.json")} <= names
    assert not any(n.startswith(("tests/", "catalog/", "docs/")) for n in names)
    required = {line.split(":", 1)[1].split(">")[0].split(";")[0].strip().lower()
                for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line}
    assert {"pyyaml", "jsonschema", "fastjsonschema", "ruamel.yaml", "httpx", "tqdm"} <= required


def test_the_installed_wheel_checks_the_catalog_without_a_source_checkout(wheel, tmp_path):
    """No network here: the fresh environment gets the wheel with --no-index, and the third-party packages it
    declares from this environment's site-packages (added as a plain path, so the editable install stays out)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--no-deps", "--quiet", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "third_party.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = subprocess.run([str(python), "-c", "import atlas; print(atlas.__file__)"], cwd=tmp_path, check=True,
                           capture_output=True, text=True).stdout.strip()
    assert where.startswith(str(venv)), f"atlas was imported from {where}, not from the installed wheel"
    result = subprocess.run([str(python), "-m", "atlas", "check", "--no-format", str(REAL_CATALOG)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stdout.splitlines()[-1].startswith("No errors")
