"""The real catalog: every file passes the checker, named by file so a red test says what to fix.

"Passes" means what `atlas check` means by it: no error. Warnings (a review over a year old, a
licence GitHub reads differently) are for the Entries to review page, not a reason to fail CI.
"""

from pathlib import Path

import pytest

from atlas.check.validate import check_catalog
from atlas.core.layout import KINDS
from atlas.core.problems import format_report

from conftest import REAL_CATALOG, ROOT

TOOL_FILES = sorted((REAL_CATALOG / "tools").glob("*.yaml"))
CHECKED = check_catalog(REAL_CATALOG, formatting=False)  # the layout is tests/unit/test_fmt.py's business
ESSAY_TOOLS = ["apache-airflow", "dbt", "wandb", "streamlit", "ray", "fiddler", "arize", "evidently", "whylabs", "gantry", "arthur"]


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.name)
def test_tool_file_passes_the_checker(path: Path):
    mine = [p for p in CHECKED.errors if Path(p.path).resolve() == path.resolve()]
    assert mine == [], f"fix {path.name}:\n{format_report(mine)}"


@pytest.mark.parametrize("name", ["categories.yaml", "glossary.yaml", "learning-path.yaml", "comparisons.yaml", "stacks.yaml", "stores.yaml"])
def test_shared_file_passes_the_checker(name):
    mine = [p for p in CHECKED.errors if Path(p.path).name == name]
    assert mine == [], format_report(mine)


def test_catalog_has_no_error_at_all():
    assert CHECKED.errors == [], format_report(CHECKED.problems)


def test_starting_catalog_size():
    categories = CHECKED.shared["categories"].data["categories"]
    assert len(TOOL_FILES) >= 20, "the starting catalog needs at least 20 tools"
    assert len(categories) >= 18
    assert all(len(c["criteria"]) >= 5 for c in categories), "every category needs at least 5 criteria"


@pytest.mark.parametrize("tool_id", ESSAY_TOOLS)
def test_tools_named_in_the_essay_are_present(tool_id):
    assert (REAL_CATALOG / "tools" / f"{tool_id}.yaml").exists()


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.name)
def test_entry_starts_with_schema_line(path: Path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../../schema/tool.schema.json"


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.name)
def test_home_category_criteria_are_answered(path: Path):
    data = next(d.data for d in CHECKED.tools if Path(d.path).resolve() == path.resolve())
    home = data["categories"][0]
    criteria = next(c for c in CHECKED.shared["categories"].data["categories"] if c["id"] == home)["criteria"]
    missing = [c["id"] for c in criteria if c["id"] not in data.get("criteria", {}).get(home, {})]
    assert missing == [], f"answer these criteria of '{home}' in {path.name} (use value: unknown when no source says)"


def test_editor_maps_every_schema_to_its_files():
    import json

    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    assert set(mapping) == {f"./schema/{k}.schema.json" for k in KINDS}
    for pattern in mapping.values():
        assert list(ROOT.glob(pattern)), f"{pattern} matches no file"


def _verified_urls() -> set[str]:
    """URLs that catalog entries cite: checked by whoever wrote and reviewed those entries."""
    urls = set()
    for doc in CHECKED.tools:
        data = doc.data
        urls.update(u for u in (data.get("homepage"), data.get("documentation"), data.get("repository")) if u)
        urls.update(data.get("sources") or [])
    return urls


def test_learning_path_has_eight_core_steps_and_an_llm_branch_with_verified_free_resources():
    from atlas.site.build import load_valid_catalog
    catalog = load_valid_catalog(REAL_CATALOG)
    core = [s for s in catalog.steps if s.track == "core"]
    assert len(core) >= 8 and any(s.track == "llm" for s in catalog.steps)
    verified = _verified_urls()
    for step in catalog.steps:
        assert len(step.resources) >= 2 and all(r.free for r in step.resources), step.id
        unverified = [r.url for r in step.resources if r.url not in verified]
        assert unverified == [], f"{step.id}: cite resources from verified catalog entries: {unverified}"
        for tool_id in step.starter_tools:
            tool = catalog.tools[tool_id]
            assert tool.license_kind == "open-source" and tool.status not in ("archived", "discontinued"), (step.id, tool_id)
            assert set(step.categories) & set(tool.categories), (step.id, tool_id)


def test_glossary_has_sixty_terms_and_unambiguous_names():
    from atlas.site.build import load_valid_catalog
    catalog = load_valid_catalog(REAL_CATALOG)
    assert len(catalog.terms) >= 60
    names = [n.casefold() for t in catalog.terms.values() for n in (t.term, *t.aliases)]
    assert len(names) == len(set(names)), "a name or alias is used by two terms; tooltips would be ambiguous"


def test_starter_stacks_cover_the_four_personas():
    from atlas.site.build import load_valid_catalog
    catalog = load_valid_catalog(REAL_CATALOG)
    assert len(catalog.stacks) >= 4
    for stack in catalog.stacks:
        assert len({p.category for p in stack.picks}) == len(stack.picks), f"{stack.id}: one pick per slot"


def test_real_catalog_is_checked_as_of_its_newest_review_not_the_clock():
    """A stale entry is reported by `atlas check` on the day (ATL216/ATL217); the tests do not turn red by the calendar."""
    import os

    from conftest import REAL_DATE, newest_review
    assert os.environ["ATLAS_TODAY"] == REAL_DATE.isoformat() == newest_review(REAL_CATALOG).isoformat()
    assert check_catalog(REAL_CATALOG, today=REAL_DATE.replace(year=REAL_DATE.year + 3)).errors, \
        "three years on, the same catalog has stale entries: the pinned date is what keeps this suite green"
