"""Command line: `python -m atlas check | new | fmt | links | enrich`, declared once in COMMANDS.

Each command lives in its own module, which provides `add_arguments(parser)` and `run(args) -> int`, and is
imported only when that command runs: `check` is the one contributors and CI run most, and importing the
HTTP client, ruamel.yaml and jsonschema for it cost a fifth of a second. Every usage error, argparse's own or a
command's (atlas.core.problems.UsageError), is reported on stderr with the usage line and exits with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from dataclasses import dataclass

from atlas.core.problems import UsageError


@dataclass(frozen=True)
class Command:
    name: str
    summary: str
    module: str  # provides add_arguments(parser) and run(args) -> int


COMMANDS = (
    Command("check", "validate the catalog; report every problem as path:line:col: CODE message", "atlas.check.command"),
    Command("new", "start a new tool entry: asks for the basics, warns about duplicates, writes the file", "atlas.new"),
    Command("fmt", "rewrite catalog files in the canonical layout (key order, indentation), keeping comments", "atlas.fmt.command"),
    Command("links", "check every external URL of the catalog and docs/ (network); exit 1 only when one is broken",
            "atlas.links.command"),
    Command("enrich", "refresh catalog/github.json from the GitHub API (network): stars, activity, releases, archived",
            "atlas.github.enrich"),
)
BY_NAME = {command.name: command for command in COMMANDS}


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `command` one whose other subcommands are listed but not filled in."""
    return build(command)[0]


def build(command: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The parser and each command's subparser; only `command`'s arguments are filled in (and its module imported)."""
    top = argparse.ArgumentParser(prog="python -m atlas", description="MLOps Atlas catalog tools.")
    subparsers = top.add_subparsers(dest="command", required=True)
    subs = {}
    for entry in COMMANDS:
        sub = subparsers.add_parser(entry.name, help=entry.summary, description=entry.summary)
        if command in (None, entry.name):
            importlib.import_module(entry.module).add_arguments(sub)
        subs[entry.name] = sub
    return top, subs


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = argv[0] if argv and argv[0] in BY_NAME else None
    top, subs = build(chosen)
    args = top.parse_args(argv)  # argparse reports its own usage errors on stderr and exits with 2
    try:
        return importlib.import_module(BY_NAME[args.command].module).run(args)
    except UsageError as exc:
        subs[args.command].print_usage(sys.stderr)
        print(f"{subs[args.command].prog}: error: {exc}", file=sys.stderr)
        return 2
