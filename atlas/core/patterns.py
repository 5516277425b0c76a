"""JSON Schema patterns with Python's `re`: the published schemas are written for ECMA-262 regular expressions,
where `$` ends the string; Python's `$` also matches before a final newline, which accepted the id "x\\n" (and
made a directory with a newline in its name). The checker therefore reads every pattern with `\\Z`."""

from __future__ import annotations

from typing import Any


def python_patterns(node: Any) -> Any:
    """The schema with every pattern's final `$` as `\\Z`."""
    if isinstance(node, dict):
        return {k: (_anchored(v) if k == "pattern" and isinstance(v, str) else python_patterns(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [python_patterns(v) for v in node]
    return node


def _anchored(pattern: str) -> str:
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + "\\Z"
    return pattern
