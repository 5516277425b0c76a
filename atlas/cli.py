"""Command line: `python -m atlas check [PATH...]`, `links`, `enrich`, `fmt` and `new`.

Each command's module is imported only when that command runs: `check` is the one contributors and
CI run most, and importing the HTTP client, ruamel.yaml and jsonschema for it cost a fifth of a second.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.core.problems import format_report
from atlas.check.validate import check_catalog

DEFAULT_CATALOG = Path("catalog")

COMMANDS = {
    "check": "validate the catalog; report every problem as path:line:col: CODE message",
    "links": "check every external URL of the catalog and docs/ (network); exit 1 only when one is broken",
    "enrich": "refresh catalog/github.json from the GitHub API (network): stars, activity, releases, archived",
    "fmt": "rewrite catalog files in the canonical layout (key order, indentation), keeping comments",
    "new": "start a new tool entry: asks for the basics, warns about duplicates, writes the file",
}


def _check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", type=Path,
                       help="catalog folders, or tool files to check against the catalog (default: catalog/)")
    check.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG,
                       help="the catalog that tool files given as PATH are checked against (default: catalog/)")
    check.add_argument("--no-format", action="store_true",
                       help="skip the ATL220 layout warnings (the slowest part; `atlas fmt --check` gives them too)")


def _links_arguments(parser: argparse.ArgumentParser) -> None:
    from atlas.links import command as links
    links.add_arguments(parser)


def _enrich_arguments(parser: argparse.ArgumentParser) -> None:
    from atlas.github import enrich
    enrich.add_arguments(parser)


def _fmt_arguments(formatter: argparse.ArgumentParser) -> None:
    formatter.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the whole catalog/)")
    formatter.add_argument("--check", action="store_true", help="change nothing; print a unified diff and exit 1 if a file would change")
    formatter.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG,
                           help="the catalog whose criteria order applies to tool files outside a catalog (default: catalog/)")


def _new_arguments(new: argparse.ArgumentParser) -> None:
    new.add_argument("--name", help="the tool's official name")
    new.add_argument("--category", help="the home category id (see catalog/categories.yaml)")
    new.add_argument("--homepage", help="the official home page (https://...)")
    new.add_argument("--repository", help="the public source repository (https://...); an empty value means none")
    new.add_argument("--license", help="SPDX licence id from the project's LICENSE file, or Proprietary")
    new.add_argument("--id", help="the id, when the one derived from the name does not fit")
    new.add_argument("--yes", action="store_true", help="write without asking for confirmation")
    new.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, help="the catalog to add to (default: catalog/)")


_ARGUMENTS = {"check": _check_arguments, "links": _links_arguments, "enrich": _enrich_arguments,
              "fmt": _fmt_arguments, "new": _new_arguments}


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with `command` one whose other subcommands are listed but not filled in."""
    top = argparse.ArgumentParser(prog="python -m atlas", description="MLOps Atlas catalog tools.")
    commands = top.add_subparsers(dest="command", required=True)
    for name, summary in COMMANDS.items():
        sub = commands.add_parser(name, help=summary)
        if command in (None, name):
            _ARGUMENTS[name](sub)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    args = parser(chosen).parse_args(argv)
    if args.command == "links":
        from atlas.links import command as links
        return links.run(args)
    if args.command == "enrich":
        from atlas.github import enrich
        return enrich.run(args)
    if args.command == "fmt":
        from atlas.fmt import layout as fmt
        return fmt.run(args.paths, args.check, args.catalog, sys.stdout)
    if args.command == "new":
        from atlas import new as scaffold
        return scaffold.run(args, sys.stdin, sys.stdout)
    return run_check(args.paths, args.catalog, formatting=not args.no_format)


def run_check(paths: list[Path], catalog: Path, formatting: bool = True) -> int:
    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    for missing in (p for p in files if not p.exists() and not p.is_symlink()):
        print(f"{missing}: no such file or folder", file=sys.stderr)
        return 2
    roots = folders or [catalog]
    problems = []
    for root in roots:
        problems += check_catalog(root, extra_tools=files if root == roots[0] else (), formatting=formatting).problems
    try:
        print(format_report(problems))
    except BrokenPipeError:  # `atlas check | head`: the reader left; the exit code still tells the truth
        sys.stderr.close()
    return 1 if any(p.severity == "error" for p in problems) else 0
