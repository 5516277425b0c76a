"""Plain scalars by the YAML 1.2 core schema: `yes`, `no`, `on` and `2026-11-01` stay text.

YAML 1.1 (PyYAML's default) would turn them into booleans and dates; only `true`/`false`, `null` and plain
numbers are converted here, and quoted scalars are always text.
"""

from __future__ import annotations

import re
from typing import Any

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
# First characters a plain scalar needs to be anything but text (null, a boolean or a number): any
# other plain scalar is a string without trying the patterns above.
MAYBE_TYPED = frozenset("~nNtTfF0123456789-+.") | {""}
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def resolve(event: Any) -> object:
    """Resolve a scalar by the YAML 1.2 core schema; quoted scalars are always strings."""
    text = event.value
    tag = event.tag
    plain = event.implicit[0] and event.style in (None, "")
    if tag in (None, "!") and not plain:
        return text
    if tag == "tag:yaml.org,2002:str":
        return text
    if _NULL.match(text) and tag in (None, "tag:yaml.org,2002:null"):
        return None
    if text in _BOOL and tag in (None, "tag:yaml.org,2002:bool"):
        return _BOOL[text]
    if _INT.match(text) and tag in (None, "tag:yaml.org,2002:int"):
        return int(text)
    if _FLOAT.match(text) and tag in (None, "tag:yaml.org,2002:float"):
        return float(text)
    return text
