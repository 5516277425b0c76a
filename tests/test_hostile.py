"""The hostile corpus (tests/fixtures/hostile/cases.yaml): every attack is refused with a located error,
or accepted and shown as inert text everywhere the field appears. See SECURITY.md for the threat model."""

from __future__ import annotations

import csv
import json
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from atlas.site.audit import audit_site
from atlas.site.build import load_valid_catalog
from conftest import FIXTURE_DATE, FIXTURES, ROOT, build_site, catalog_with_overlay
from sitecheck import page

HOSTILE = FIXTURES / "hostile"
CASES = yaml.safe_load((HOSTILE / "cases.yaml").read_text(encoding="utf-8"))["cases"]
REJECTED = [c for c in CASES if c["outcome"] == "reject"]
INERT = [c for c in CASES if c["outcome"] == "inert"]
MEMORY_LIMIT = 1024 ** 3  # the checker must refuse a YAML bomb without growing past this
HANG_GUARD = 60  # seconds; a refusal takes well under a second (measured by `make bench`), this only stops a hang
CURATED = {"id": "hostile-side-by-side", "title": "Hostile entries side by side",
           "intro": "Every hostile entry that is accepted must stay inert on a comparison page too.",
           "tools": ["hostile-10", "hostile-11", "alpha-tracker", "hostile-22"]}
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


@pytest.mark.parametrize("case", REJECTED, ids=lambda c: c["file"])
def test_attack_is_refused_with_a_located_error(case, tmp_path):
    catalog = catalog_with_overlay(tmp_path, None)
    target = catalog / "tools" / case["file"]
    if "symlink_to" in case:
        target.symlink_to(case["symlink_to"])
    else:
        shutil.copyfile(HOSTILE / case["file"], target)
    result = subprocess.run([sys.executable, "-m", "atlas", "check", "catalog"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=HANG_GUARD, preexec_fn=_limit_memory,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    located = rf"^catalog/tools/{re.escape(case['file'])}:\d+:\d+: {case['code']} "
    assert re.search(located, result.stdout, re.MULTILINE), result.stdout


def hostile_catalog_at(work: Path) -> Path:
    """The fixture catalog plus every accepted hostile entry and a comparison page of them."""
    catalog = catalog_with_overlay(work, None)
    for case in INERT:
        shutil.copyfile(HOSTILE / case["file"], catalog / "tools" / case["file"])
    comparisons = yaml.safe_load((catalog / "comparisons.yaml").read_text(encoding="utf-8"))
    comparisons["comparisons"].append(CURATED)
    (catalog / "comparisons.yaml").write_text(yaml.safe_dump(comparisons), encoding="utf-8")
    return catalog


@pytest.fixture(scope="module")
def hostile_catalog(tmp_path_factory) -> Path:
    return hostile_catalog_at(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_site(hostile_catalog) -> Path:
    dest = hostile_catalog.parent / "site"
    build_site(hostile_catalog, dest)
    return dest


def value_at(data, path: str):
    """Follow a field path such as `criteria.tracking.server.note` or `differs_from[0].how`."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        data = data[int(part[1:-1])] if part.startswith("[") else data[part]
    return data


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_inert(html: BeautifulSoup, payload: str, where: str):
    assert squash(payload) in squash(html.get_text(" ")), f"{where}: the text is not shown literally"
    article = html.select_one("article") or html
    found = [t.name for t in article.find_all(DANGEROUS_TAGS)]
    assert found == [], f"{where}: contributed markup became elements: {found}"
    assert article.select("[onclick], [onerror], [onload]") == [], where
    assert not [a for a in html.find_all("a", href=True) if a["href"].strip().lower().startswith(("javascript:", "data:", "vbscript:"))], where


@pytest.mark.parametrize("case", INERT, ids=lambda c: c["file"])
def test_accepted_attack_is_inert_on_the_tool_page(case, hostile_site):
    tool_id = case["file"].removesuffix(".yaml")
    assert_inert(page(hostile_site, f"tools/{tool_id}"), case["payload"], f"tools/{tool_id}")


@pytest.mark.parametrize("case", [c for c in INERT if c["field"] == "summary"], ids=lambda c: c["file"])
def test_accepted_summary_is_inert_on_the_category_page(case, hostile_site):
    assert_inert(page(hostile_site, "categories/tracking"), case["payload"], "category page")


def test_curated_comparison_of_hostile_entries_is_inert(hostile_site):
    html = page(hostile_site, f"compare/{CURATED['id']}")
    assert_inert(html, "</script><script>window.__pwned=1</script>", "differences on the comparison page")
    assert_inert(html, "<style>body{display:none}</style>", "criterion note on the comparison page")


@pytest.mark.parametrize("case", INERT, ids=lambda c: c["file"])
def test_accepted_attack_is_exported_verbatim(case, hostile_site):
    tool_id = case["file"].removesuffix(".yaml")
    exported = {t["id"]: t for t in json.loads((hostile_site / "api" / "catalog.json").read_text(encoding="utf-8"))["tools"]}
    assert value_at(exported[tool_id], case["field"]) == case["payload"]
    with (hostile_site / "api" / "catalog.csv").open(encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == tool_id)
    if case["field"] in row:
        shown = row[case["field"]]
        assert shown in (case["payload"], "'" + case["payload"]), shown
        assert not shown.startswith(("=", "+", "-", "@")), "a spreadsheet would run this as a formula"


def test_hostile_site_loses_nothing(hostile_catalog, hostile_site):
    assert audit_site(load_valid_catalog(hostile_catalog, today=FIXTURE_DATE), hostile_site) == []
