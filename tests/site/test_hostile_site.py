"""The hostile corpus on the built site: every accepted attack is shown as inert text on every page and export.

The corpus and its refusals are tested in tests/check/test_hostile.py; SECURITY.md has the threat model."""

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

from hostile_corpus import CASES, CURATED, HOSTILE, INERT, REJECTED, hostile_catalog_at
from conftest import FIXTURE_DATE, FIXTURES, ROOT, build_site, catalog_with_overlay
from sitecheck import page

MEMORY_LIMIT = 1024 ** 3  # the checker must refuse a YAML bomb without growing past this
HANG_GUARD = 60  # seconds; a refusal takes well under a second (measured by `make bench`), this only stops a hang
DANGEROUS_TAGS = ["script", "iframe", "style", "svg", "math", "img", "object", "embed", "base", "meta", "link", "textarea"]


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
