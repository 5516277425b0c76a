"""Command line: `python -m atlas check [PATH...]`, `python -m atlas links`, `python -m atlas enrich`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas import enrich
from atlas.errors import format_report
from atlas.links import command as links
from atlas.validate import check_catalog

DEFAULT_CATALOG = Path("catalog")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m atlas", description="MLOps Atlas catalog tools.")
    commands = top.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the catalog; report every problem as path:line:col: CODE message")
    check.add_argument("paths", nargs="*", type=Path,
                       help="catalog folders, or tool files to check against the catalog (default: catalog/)")
    check.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG,
                       help="the catalog that tool files given as PATH are checked against (default: catalog/)")
    links.add_arguments(commands.add_parser(
        "links", help="check every external URL of the catalog and docs/ (network); exit 1 only when one is broken"))
    enrich.add_arguments(commands.add_parser(
        "enrich", help="refresh catalog/github.json from the GitHub API (network): stars, activity, releases, archived"))
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "links":
        return links.run(args)
    if args.command == "enrich":
        return enrich.run(args)
    return run_check(args.paths, args.catalog)


def run_check(paths: list[Path], catalog: Path) -> int:
    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    for missing in (p for p in files if not p.exists() and not p.is_symlink()):
        print(f"{missing}: no such file or folder", file=sys.stderr)
        return 2
    roots = folders or [catalog]
    problems = []
    for root in roots:
        problems += check_catalog(root, extra_tools=files if root == roots[0] else ()).problems
    try:
        print(format_report(problems))
    except BrokenPipeError:  # `atlas check | head`: the reader left; the exit code still tells the truth
        sys.stderr.close()
    return 1 if any(p.severity == "error" for p in problems) else 0
