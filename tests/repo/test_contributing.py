"""The contributor path: the guide (repository and site), field reference, issue forms, PR template, workflows, hooks."""

import re

import jsonschema
import pytest
import yaml

from atlas.core.codes import RULES
from atlas.core.schema import load_schema
from atlas.site.render.fields import field_reference, fields

from conftest import REAL_CATALOG, ROOT
from sitecheck import page

GITHUB = ROOT / ".github"
FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
TAXONOMY = yaml.safe_load((REAL_CATALOG / "categories.yaml").read_text(encoding="utf-8"))


def guide(path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("<!-- guide:start -->"):text.index("<!-- guide:end -->")]


def test_the_site_shows_the_same_guide_as_contributing_md():
    assert guide(ROOT / "docs" / "contributing.md") == guide(ROOT / "CONTRIBUTING.md"), \
        "copy the block between the guide markers of CONTRIBUTING.md into docs/contributing.md"


def test_guide_is_a_numbered_procedure_from_scaffold_to_pull_request():
    steps = re.findall(r"^(\d)\. \*\*(.+?)\*\*", guide(ROOT / "CONTRIBUTING.md"), flags=re.MULTILINE)
    assert [n for n, _ in steps] == ["1", "2", "3", "4", "5", "6"]
    titles = [t for _, t in steps]
    assert "python -m atlas new" in titles[0] and "careful reader" in titles[2] and "make check" in titles[4]
    assert "pull request" in titles[5]
    text = guide(ROOT / "CONTRIBUTING.md")
    for heading in ("Neutral tone.", "What counts as a tool.", "Disclosure."):
        assert f"**{heading}**" in text, heading


def test_field_reference_lists_every_property_of_the_schema():
    schema = load_schema("tool")
    names = [name for name, _, _ in fields(schema)]
    assert set(schema["properties"]) <= set(names)
    assert {"criteria.<category>.<criterion>.value", "criteria.<category>.<criterion>.source",
            "differs_from[].tool", "differs_from[].how"} <= set(names)
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in page_html(field_reference()).select("tbody tr")}
    assert list(rows) == names
    assert rows["id"][0] == "required" and rows["repository"][0] == "optional"
    assert rows["status_note"][0] == "required when status is maintenance or archived or acquired or discontinued"
    assert rows["criteria.<category>.<criterion>.note"][0] == "required when value is partial"
    assert rows["pricing"][2] == "one of free, free-tier, open-core, paid"
    assert rows["name"][1].startswith("Name. The tool's official name")
    assert "a public https:// address" in rows["sources"][2]


def page_html(html):
    from bs4 import BeautifulSoup
    return BeautifulSoup(html, "html.parser")


def test_contributing_page_on_the_site(real_site):
    html = page(real_site, "contributing")
    assert [tr.select_one("code").get_text() for tr in html.select("table.atlas-rules:not(.atlas-fields) tbody tr")] == \
        [r.code for r in RULES]
    assert len(html.select("table.atlas-fields tbody tr")) == len(fields(load_schema("tool")))
    assert "python -m atlas new" in html.select_one("article ol").get_text()


# ---- issue forms -------------------------------------------------------------------------------

# The shape of a GitHub issue form, written down from GitHub's documentation ("Syntax for issue forms"
# and "Syntax for GitHub's form schema"); only what these forms use, strictly, so a typo is caught.
_ELEMENT = {
    "type": "object", "required": ["type", "attributes"], "additionalProperties": False,
    "properties": {
        "type": {"enum": ["markdown", "input", "textarea", "dropdown", "checkboxes"]},
        "id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
        "attributes": {"type": "object"},
        "validations": {"type": "object", "properties": {"required": {"type": "boolean"}}, "additionalProperties": False},
    },
    "allOf": [
        {"if": {"properties": {"type": {"const": "markdown"}}},
         "then": {"properties": {"attributes": {"required": ["value"]}}},
         "else": {"required": ["id"], "properties": {"attributes": {"required": ["label"]}}}},
        {"if": {"properties": {"type": {"const": "dropdown"}}},
         "then": {"properties": {"attributes": {"required": ["options"], "properties": {
             "options": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string"}}}}}}},
    ],
}
ISSUE_FORM = {
    "type": "object", "required": ["name", "description", "body"], "additionalProperties": False,
    "properties": {"name": {"type": "string", "minLength": 1}, "description": {"type": "string", "minLength": 1},
                   "title": {"type": "string"}, "labels": {"type": "array"}, "assignees": {"type": "array"},
                   "body": {"type": "array", "minItems": 1, "items": _ELEMENT}},
}


def forms() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in FORMS if p.name != "config.yml"}


def test_issue_forms_exist_and_blank_issues_are_off():
    assert sorted(f["name"] for f in forms().values()) == ["Add a tool", "Fix tool data", "Site problem"]
    assert yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text())["blank_issues_enabled"] is False


@pytest.mark.parametrize("name", sorted(forms()))
def test_issue_form_is_well_formed(name):
    form = forms()[name]
    jsonschema.validate(form, ISSUE_FORM)
    ids = [element["id"] for element in form["body"] if "id" in element]
    assert len(ids) == len(set(ids)), "ids must be unique within a form"


def test_issue_form_check_catches_a_broken_form():
    broken = {"name": "X", "description": "Y", "body": [{"type": "dropdown", "id": "a", "attributes": {"label": "L"}}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, ISSUE_FORM)


def test_category_dropdowns_list_the_taxonomy():
    expected = [f"{c['title']} ({c['id']})" for c in TAXONOMY["categories"]]
    dropdowns = {name: element["attributes"]["options"] for name, form in forms().items()
                 for element in form["body"] if element.get("id") == "category"}
    assert set(dropdowns) == {"add-tool.yml", "fix-tool-data.yml"}
    for name, options in dropdowns.items():
        assert options == expected, (f"update the category options in .github/ISSUE_TEMPLATE/{name} to catalog/categories.yaml:\n"
                                     + "\n".join(f"        - {o}" for o in expected))


# ---- pull requests -----------------------------------------------------------------------------

def test_pull_request_checklist_mirrors_the_rule_families():
    checklist = [line for line in (GITHUB / "pull_request_template.md").read_text().splitlines() if line.startswith("- [ ]")]
    families = {rule.code[:4] + "xx" for rule in RULES}
    assert families == {"ATL0xx", "ATL1xx", "ATL2xx"}
    for family in sorted(families) + ["ATL210", "Editorial", "Disclosure"]:
        assert any(family in item for item in checklist), f"the pull-request checklist needs an item for {family}"


def test_codeowners_cover_schema_and_github():
    owners = dict(line.split(None, 1) for line in (GITHUB / "CODEOWNERS").read_text().splitlines()
                  if line.strip() and not line.startswith("#"))
    assert owners.get("/schema/") and owners.get("/.github/")


def workflow(name: str) -> dict:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def test_preview_builds_the_pull_request_read_only_and_uploads_site_and_report():
    data = workflow("preview.yml")
    text = (GITHUB / "workflows" / "preview.yml").read_text()
    assert set(data["on"]) == {"pull_request"}
    assert data["permissions"] == {"contents": "read"} and all("permissions" not in j for j in data["jobs"].values())
    assert "secrets" not in text.split("\nname:", 1)[1], "no secrets in a workflow that runs pull-request code"
    uploads = {s["with"]["name"]: s["with"]["path"] for s in steps(data) if "upload-pages-artifact" in s.get("uses", "")}
    assert uploads == {"site-preview": "site", "atlas-check-report": "check-report"}
    runs = "\n".join(s.get("run", "") for s in steps(data))
    assert "make site" in runs and "-m atlas check" in runs


def test_comment_workflow_never_runs_pull_request_code():
    data = workflow("preview-comment.yml")
    assert data["on"] == {"workflow_run": {"workflows": ["Preview"], "types": ["completed"]}}
    assert workflow("preview.yml")["name"] == "Preview"
    (job,) = data["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert all("uses" not in s for s in job["steps"]), "no actions at all: in particular no checkout of the PR"
    for step in job["steps"]:
        assert "${{" not in step.get("run", ""), f"pass values through env, not ${{{{ }}}} in run: ({step['name']})"
    runs = "\n".join(s["run"] for s in job["steps"])
    assert "--name atlas-check-report" in runs
    assert not re.search(r"^\s*(make|\S*python|\S*pip|npm|node|bash|\./)", runs, flags=re.MULTILINE), "nothing of the PR is run"
    assert "[[ \"$pr\" =~ ^[0-9]{1,10}$ ]]" in runs, "the PR number from the artifact is validated"


# ---- local tooling ----------------------------------------------------------------------------

def test_pre_commit_runs_fmt_check_and_the_metaschema():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["atlas-fmt"]["entry"] == ".venv/bin/python -m atlas fmt --check"
    assert hooks["atlas-check"]["entry"] == ".venv/bin/python -m atlas check"
    assert re.search(hooks["atlas-fmt"]["files"], "catalog/tools/mlflow.yaml")
    remote = next(r for r in config["repos"] if r["repo"] != "local")
    assert remote["repo"].endswith("/check-jsonschema") and re.fullmatch(r"\d+\.\d+\.\d+", remote["rev"])
    assert re.search(hooks["check-metaschema"]["files"], "schema/tool.schema.json")
