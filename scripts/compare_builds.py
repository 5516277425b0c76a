#!/usr/bin/env python3
"""Compare two builds of the site page for page: `compare_builds.py SITE_A SITE_B`.

Used by `make hedge` to show that ProperDocs (the MkDocs 1.x fork) builds the same site as MkDocs. The only
difference allowed is the generator meta tag, which names the program that built the page. Exit status: 0 when the
builds match, 1 otherwise, with every missing, extra and differing file listed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def normalised(content: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator">', content)


def compare(a: Path, b: Path) -> list[str]:
    first, second = files(a), files(b)
    problems = [f"only in {a}: {name}" for name in sorted(set(first) - set(second))]
    problems += [f"only in {b}: {name}" for name in sorted(set(second) - set(first))]
    problems += [f"differs: {name}" for name in sorted(set(first) & set(second)) if normalised(first[name]) != normalised(second[name])]
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: compare_builds.py SITE_A SITE_B", file=sys.stderr)
        return 2
    a, b = Path(argv[0]), Path(argv[1])
    problems = compare(a, b)
    for line in problems:
        print(line)
    count = len(files(a))
    print(f"{count} files compared: " + ("identical but for the generator tag." if not problems else f"{len(problems)} differences."))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
