"""`python -m atlas fmt [--check] [PATH...]`: put catalog files in the canonical layout (atlas/fmt/layout.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from atlas.core.layout import OPTIONAL_FILES, SHARED_FILES, TOOL_SUFFIX, TOOLS_DIR, catalog_of, is_catalog
from atlas.core.problems import UsageError
from atlas.fmt.layout import criteria_order, format_file, unified_diff

DEFAULT_CATALOG = Path("catalog")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the whole catalog/)")
    parser.add_argument("--check", action="store_true", help="change nothing; print a unified diff and exit 1 if a file would change")
    parser.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG,
                        help="the catalog whose criteria order applies to tool files outside a catalog (default: catalog/)")


def run(args: argparse.Namespace) -> int:
    return format_paths(args.paths, args.check, args.catalog, sys.stdout)


def catalog_files(paths: list[Path], catalog: Path) -> list[Path]:
    """The files to format: given files as they are; a catalog folder's shared files and tools; other folders' *.yaml."""
    files: list[Path] = []
    for path in paths or [catalog]:
        if not path.is_dir():
            files.append(path)
        elif is_catalog(path):
            files += [path / name for name in {**SHARED_FILES, **OPTIONAL_FILES} if (path / name).exists()]
            files += sorted((path / TOOLS_DIR).glob(f"*{TOOL_SUFFIX}"))
        else:
            files += sorted(path.glob("*.yaml"))
    return files


def format_paths(paths: list[Path], check: bool, catalog: Path, out) -> int:
    """Format files in place, or with `check` print what would change. Exit status: 0 clean, 1 otherwise."""
    orders: dict[Path, dict[str, list[str]]] = {}
    changed = failed = 0
    files = catalog_files(paths, catalog)
    missing = [str(path) for path in files if not path.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    for path in files:
        root = catalog_of(path) or catalog
        if root not in orders:
            orders[root] = criteria_order(root)
        result = format_file(path, orders[root], str(path))
        if result.problem is not None:
            print(result.problem.format(), file=out)
            failed += 1
        elif result.changed:
            changed += 1
            if check:
                out.write(unified_diff(result, str(path)))
            else:
                assert result.after is not None  # `changed` means it was formatted
                path.write_bytes(result.after.encode("utf-8"))
                print(f"formatted {path}", file=out)
    unchanged = len(files) - changed - failed
    failures = f"; {_files(failed)} could not be formatted" if failed else ""
    if check and changed:
        print(f"{_files(changed)} of {len(files)} would be reformatted{failures}; run `python -m atlas fmt` to fix them.", file=out)
    elif check:
        print(f"{_files(unchanged)} already formatted{failures}.", file=out)
    else:
        print(f"{_files(changed)} formatted, {unchanged} already formatted{failures}.", file=out)
    return 1 if failed or (check and changed) else 0


def _files(n: int) -> str:
    return f"{n} file" + ("" if n == 1 else "s")
