"""A progress bar for the long-running commands, shown only to a person watching a terminal."""

from __future__ import annotations

import os
import sys

from tqdm import tqdm


def progress_bar(total: int, what: str, stream=None) -> tqdm:
    """A bar on stderr when it is a terminal; silent in CI and when output goes to a file or pipe."""
    stream = stream or sys.stderr
    quiet = bool(os.environ.get("CI")) or not _is_terminal(stream)
    return tqdm(total=total, desc=what, unit="", file=stream, disable=quiet, leave=False, dynamic_ncols=True)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
