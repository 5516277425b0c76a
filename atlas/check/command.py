"""`python -m atlas check [PATH...]`: validate catalog folders, or tool files against a catalog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.check.validate import check_catalog
from atlas.core.problems import Problem, UsageError, format_report

DEFAULT_CATALOG = Path("catalog")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="catalog folders, or tool files to check against the catalog (default: catalog/)")
    parser.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG,
                        help="the catalog that tool files given as PATH are checked against (default: catalog/)")
    parser.add_argument("--no-format", action="store_true",
                        help="skip the ATL220 layout warnings (`atlas fmt --check` gives them too)")


def run(args: argparse.Namespace) -> int:
    problems = check_paths(args.paths, args.catalog, formatting=not args.no_format)
    try:
        print(format_report(problems))
    except BrokenPipeError:  # `atlas check | head`: the reader left; the exit code still tells the truth
        sys.stderr.close()
    return 1 if any(p.severity == "error" for p in problems) else 0


def check_paths(paths: list[Path], catalog: Path, formatting: bool = True) -> list[Problem]:
    """Every problem of the given catalog folders and tool files (the files are checked within the first catalog)."""
    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    missing = [str(p) for p in files if not p.exists() and not p.is_symlink()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    roots = folders or [catalog]
    problems: list[Problem] = []
    for root in roots:
        problems += check_catalog(root, extra_tools=files if root == roots[0] else (), formatting=formatting).problems
    return problems
