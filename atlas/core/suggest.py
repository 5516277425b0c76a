"""'Did you mean ...?': the closest known value to a mistyped one, for hints."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def close_match(value: str, choices: Iterable[str], cutoff: float = 0.7) -> str:
    """A 'did you mean' hint for an unknown id, or an empty string."""
    found = difflib.get_close_matches(value, list(choices), n=1, cutoff=cutoff)
    return f"did you mean '{found[0]}'? " if found else ""
