"""The package's floors: dependencies point one way (core <- fmt <- check <- site and the commands), no import cycle, no
module over 300 lines. Read from the source with `ast`, so a violation names the file and the import."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "atlas"
MAX_LINES = 300
# What each floor may import from the package (besides itself). Commands sit on top and may use anything below.
ALLOWED = {
    "atlas.core": set(),
    "atlas.fmt": {"atlas.core"},                 # the canonical layout, and `atlas fmt`
    "atlas.check": {"atlas.core", "atlas.fmt"},  # the layout lint (ATL220) asks fmt for a file's canonical form
    "atlas.site": {"atlas.core", "atlas.check"},
    "atlas.net": set(),
    "atlas.links": {"atlas.core", "atlas.check", "atlas.net"},
    "atlas.github": {"atlas.core", "atlas.check", "atlas.net"},
    "atlas.new": {"atlas.core", "atlas.fmt"},
    "atlas.cli": {"atlas.core"},
    "atlas.__main__": {"atlas.cli"},
    "atlas": set(),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def floor(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of an atlas module, at any depth (deferred imports count too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("atlas") and node.level == 0:
            found += [(node.lineno, f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("atlas")]
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(p) for p in SOURCES}


def test_no_module_is_over_300_lines():
    long = [f"{p.relative_to(ROOT)}: {n} lines" for p in SOURCES if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == [], "split these modules by responsibility:\n" + "\n".join(long)


def test_dependencies_point_one_way():
    wrong = []
    for path in SOURCES:
        mine = floor(module_name(path))
        allowed = ALLOWED[mine] | {mine}
        for line, target in imports(path):
            if floor(target) not in allowed:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {mine} imports {target}")
    assert wrong == [], "a lower floor imports a higher one:\n" + "\n".join(wrong)


def find_cycles(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]) if nxt in trail else f"{node} -> {nxt}")
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_import_cycle():
    graph = {module_name(p): {t for _, t in imports(p) if t in MODULES} for p in SOURCES}
    cycles = find_cycles(graph)
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


def test_the_checks_above_can_fail():
    """Negative controls: the walkers see deferred imports, and the cycle search finds a cycle."""
    assert floor("atlas.site.render.html") == "atlas.site"
    deferred = [t for _, t in imports(PACKAGE / "check" / "validate.py")]
    assert "atlas.fmt.layout" in deferred, "the deferred import of the formatter inside validate.py must be seen"
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a -> b -> c -> a"]
    assert find_cycles({"a": {"b"}, "b": set()}) == []
