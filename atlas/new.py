"""`python -m atlas new`: start a tool entry, so nobody copies another tool's facts by accident.

It asks for the few facts every entry starts from (name, home category, homepage, repository,
licence), refuses what `atlas check` would refuse anyway (an id, name or repository already in
the catalog) and warns about near-identical names, which are usually the same tool. The file
it writes has the schema line on top, every known value filled in, and a `TODO` comment on
every field still to fill, taken from the schema's own description. Required fields are left
empty, so `atlas check` fails until a person has filled them; optional fields are commented out.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from atlas.core.identity import derive_id, letters, same_name, same_repository
from atlas.core.layout import TOOL_KIND, TOOL_SUFFIX, TOOLS_DIR
from atlas.core.load import LoadError, load_file
from atlas.core.problems import UsageError
from atlas.core.schema import load_schema
from atlas.core.suggest import close_match
from atlas.core.urls import url_problem
from atlas.fmt import layout as fmt

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/tool.schema.json"
SIMILAR_NAMES = 0.8  # difflib ratio from which two names are "near-identical"


class Aborted(Exception):
    """The contributor stopped, or stdin ended before every question was answered."""


@dataclass
class Existing:
    id: str
    name: str
    repository: str | None
    path: Path


def field_problem(field: str, value: str) -> str:
    """Why `value` is not allowed in a tool's `field` (the schema's own rule), or ''."""
    schema = load_schema(TOOL_KIND)["properties"][field]
    if field in ("homepage", "repository") and url_problem(value):
        return f"Not a usable address: {url_problem(value)}."
    error = next(jsonschema.Draft7Validator(schema).iter_errors(value), None)
    if error is None:
        return ""
    reasons = {"maxLength": f"at most {schema.get('maxLength')} characters", "minLength": "it cannot be empty",
               "pattern": "it has a character that is not allowed here, or spaces at either end"}
    return f"Not allowed: {reasons.get(error.validator, error.validator)}. {schema['description']}"


def existing_tools(catalog: Path) -> list[Existing]:
    """Every entry that loads (broken ones are `atlas check`'s business, not a reason to stop here)."""
    found = []
    for path in sorted((catalog / TOOLS_DIR).glob(f"*{TOOL_SUFFIX}")):
        try:
            data = load_file(path).data
        except LoadError:
            continue
        if isinstance(data, dict):
            repository = data.get("repository")
            found.append(Existing(str(data.get("id", path.stem)), str(data.get("name", "")),
                                  repository if isinstance(repository, str) else None, path))
    return found


def duplicates(tools: list[Existing], tool_id: str, name: str, repository: str | None, path: Path) -> tuple[list[str], list[str]]:
    """(refusals, warnings): refusals are what `atlas check` would reject; warnings are likely duplicates."""
    refusals, warnings = [], []
    if path.exists():
        refusals.append(f"{path} already exists: edit that entry instead.")
    for tool in tools:
        if tool.id == tool_id and tool.path != path:
            refusals.append(f"the id '{tool_id}' is already used by {tool.path}.")
        if same_name(tool.name) == same_name(name):
            refusals.append(f"the name '{tool.name}' is already in the catalog: {tool.path}.")
        elif difflib.SequenceMatcher(None, letters(tool.name), letters(name)).ratio() >= SIMILAR_NAMES:
            warnings.append(f"'{name}' looks like '{tool.name}' ({tool.path}); is it the same tool?")
        if repository and tool.repository and same_repository(tool.repository) == same_repository(repository):
            refusals.append(f"the repository {repository} is already listed by {tool.path}: one repository is one tool.")
    return refusals, warnings


class Prompter:
    """Questions on stdout, answers from stdin, one line each; a wrong answer is explained and asked again."""

    def __init__(self, stdin, stdout):
        self.stdin, self.stdout = stdin, stdout

    def ask(self, question: str, check=lambda value: "") -> str:
        while True:
            self.stdout.write(question)
            self.stdout.flush()
            line = self.stdin.readline()
            if not line:
                self.stdout.write("\n")
                raise Aborted(f"no answer to '{question.strip()}'")
            value = line.strip()
            problem = check(value)
            if not problem:
                return value
            self.stdout.write(f"  {problem}\n")


def _category_menu(taxonomy: dict) -> tuple[str, list[str]]:
    ids: list[str] = []
    lines = ["Home category (the job the tool mainly does):"]
    for stage in taxonomy["stages"]:
        lines.append(f"  {stage['title']}")
        for category in (c for c in taxonomy["categories"] if c["stage"] == stage["id"]):
            ids.append(category["id"])
            lines.append(f"    {len(ids):>3}  {category['id']:<28} {category['title']}")
    return "\n".join(lines) + "\n", ids


def _choose_category(answer: str, ids: list[str]) -> str:
    if answer.isdigit() and 1 <= int(answer) <= len(ids):
        return ids[int(answer) - 1]
    return answer


def _category_problem(value: str, ids: list[str]) -> str:
    if value in ids:
        return ""
    return close_match(value, ids, cutoff=0.6) + "Give a number from the list or a category id."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help="the tool's official name")
    parser.add_argument("--category", help="the home category id (see catalog/categories.yaml)")
    parser.add_argument("--homepage", help="the official home page (https://...)")
    parser.add_argument("--repository", help="the public source repository (https://...); an empty value means none")
    parser.add_argument("--license", help="SPDX licence id from the project's LICENSE file, or Proprietary")
    parser.add_argument("--id", help="the id, when the one derived from the name does not fit")
    parser.add_argument("--yes", action="store_true", help="write without asking for confirmation")
    parser.add_argument("--catalog", type=Path, default=Path("catalog"), help="the catalog to add to (default: catalog/)")


def run(args: argparse.Namespace, stdin=None, stdout=None) -> int:
    """The `new` command. Flags answer questions in advance; `--yes` answers the confirmation.

    Exit status: 0 written, 1 refused (a duplicate, or the contributor said no), 2 for a usage error."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    catalog = Path(args.catalog)
    try:
        taxonomy = load_file(catalog / "categories.yaml").data
    except LoadError as exc:
        raise UsageError(f"cannot read the taxonomy: {exc.problem.format()}") from None
    if not isinstance(taxonomy, dict):
        raise UsageError(f"cannot read the taxonomy: {catalog / 'categories.yaml'} is not a mapping; run `python -m atlas check`")
    menu, ids = _category_menu(taxonomy)
    given = _given(args, ids)
    try:
        answers = _ask(given, Prompter(stdin, stdout), menu, ids)
        tool_id = args.id or derive_id(answers["name"])
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tool_id):
            raise UsageError(f"cannot derive an id from {answers['name']!r}; give one with --id (lowercase kebab-case)")
        path = catalog / TOOLS_DIR / f"{tool_id}{TOOL_SUFFIX}"
        stdout.write(f"Id: {tool_id}\nFile: {path}\n")
        if not _confirmed(args, Prompter(stdin, stdout), existing_tools(catalog), tool_id, answers, path):
            stdout.write("Nothing written.\n")
            return 1
    except Aborted as exc:
        raise UsageError(f"stopped: {exc}. Nothing written.") from None
    categories = {c["id"]: c for c in taxonomy["categories"]}
    text = entry_text(tool_id, answers["name"], categories[answers["category"]], answers["homepage"],
                      answers["repository"] or None, answers["license"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(fmt.format_text(text, TOOL_KIND, fmt.criteria_order_of(taxonomy), str(path)), encoding="utf-8")
    stdout.write(f"Wrote {path}.\nNext: fill every field marked TODO, then run `make check` "
                 f"(or `python -m atlas check {path}`) and `python -m atlas fmt {path}`.\n")
    return 0


def _given(args: argparse.Namespace, ids: list[str]) -> dict[str, str | None]:
    """The answers given as flags, each checked as its question would check it."""
    given = {"name": args.name, "category": args.category, "homepage": args.homepage,
             "repository": args.repository, "license": args.license}
    for field, value in given.items():
        if value is None or (field == "repository" and value == ""):
            continue
        problem = _category_problem(value, ids) if field == "category" else field_problem(field, value)
        if problem:
            raise UsageError(f"--{field} {value!r}: {problem}")
    return given


def _ask(given: dict[str, str | None], prompter: Prompter, menu: str, ids: list[str]) -> dict[str, str]:
    """Every answer: from the flags, else asked one line at a time."""
    name = given["name"] or prompter.ask("Tool name (as its makers write it): ", lambda v: field_problem("name", v))
    category = given["category"]
    if not category:
        prompter.stdout.write(menu)
        category = _choose_category(prompter.ask("Number or id: ", lambda v: _category_problem(_choose_category(v, ids), ids)), ids)
    homepage = given["homepage"] or prompter.ask("Homepage (https://...): ", lambda v: field_problem("homepage", v))
    repository = given["repository"]
    if repository is None:
        repository = prompter.ask("Source repository (https://..., empty if the code is not public): ",
                                  lambda v: field_problem("repository", v) if v else "")
    license_ = given["license"] or prompter.ask("Licence (SPDX id from the LICENSE file, e.g. Apache-2.0, or Proprietary): ",
                                                lambda v: field_problem("license", v))
    return {"name": name, "category": category, "homepage": homepage, "repository": repository, "license": license_}


def _confirmed(args: argparse.Namespace, prompter: Prompter, tools: list[Existing], tool_id: str, answers: dict[str, str],
               path: Path) -> bool:
    """False when the entry would duplicate one (refused), or the contributor says no after a warning."""
    refusals, warnings = duplicates(tools, tool_id, answers["name"], answers["repository"] or None, path)
    for refusal in refusals:
        prompter.stdout.write(f"error: {refusal}\n")
    if refusals:
        return False
    for warning in warnings:
        prompter.stdout.write(f"warning: {warning}\n")
    if args.yes:
        return True
    default_yes = not warnings
    answer = prompter.ask(f"Write {path}? [{'Y/n' if default_yes else 'y/N'}] ",
                          lambda v: "" if v.lower() in ("", "y", "yes", "n", "no") else "Answer y or n.")
    return answer.lower() in ("y", "yes") or (answer == "" and default_yes)


def _scalar(value: str) -> str:
    """One YAML scalar, quoted by the YAML library when the text needs it."""
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def _hint(field: str) -> str:
    """What a field holds, from the schema, with its allowed values."""
    schema = load_schema(TOOL_KIND)["properties"][field]
    allowed = schema.get("enum") or schema.get("items", {}).get("enum")
    kind = "a list of" if schema.get("type") == "array" and allowed else "one of"
    text = schema["description"]
    if allowed:
        text = f"{kind} {', '.join(allowed)}. {text}"
    return " ".join(text.split())


def entry_text(tool_id: str, name: str, category: dict, homepage: str, repository: str | None, license_: str) -> str:
    """The new entry: known values, empty required fields with a TODO comment, optional fields commented out."""
    required = set(load_schema(TOOL_KIND)["required"])

    def todo(field: str) -> str:
        if field in required:
            return f"{field}:  # TODO (required): {_hint(field)}"
        return f"# {field}:  # TODO (optional; fill in and uncomment, or delete): {_hint(field)}"

    lines = [SCHEMA_LINE, f"id: {_scalar(tool_id)}", f"name: {_scalar(name)}", todo("summary"), todo("description"),
             f"homepage: {_scalar(homepage)}",
             f"repository: {_scalar(repository)}" if repository else todo("repository"),
             todo("documentation"), f"license: {_scalar(license_)}", todo("license_note"),
             f"license_source:  # TODO (required with a repository): {_hint('license_source')}" if repository else todo("license_source"),
             todo("offering"), todo("self_hosting"), todo("pricing"), todo("maintainer"), todo("status"),
             "# status_note, status_evidence and acquired_by: required when status is not active (see the schema).",
             f"categories: [{_scalar(category['id'])}]  # the home category first; add the others it really covers",
             "criteria:", f"  {_scalar(category['id'])}:",
             '    # TODO: answer each criterion "yes", "no", "partial" (with a note) or leave "unknown"; add a source page for each answer.']
    for criterion in category["criteria"]:
        help_text = " ".join(f"{criterion['label']}: {criterion['help']}".split())
        lines.append(f'    {_scalar(criterion["id"])}: {{value: "unknown"}}  # {help_text}')
    lines += [todo("differs_from"), todo("fit"), todo("requires"),
              "sources:  # TODO: add the LICENSE file and a page for every fact you state",
              f"  - {_scalar(homepage)}"]
    if repository:
        lines.append(f"  - {_scalar(repository)}")
    lines.append(todo("reviewed"))
    return "\n".join(lines) + "\n"
