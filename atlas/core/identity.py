"""When two names or repositories are the same tool: one set of normalisers for `atlas new` and `atlas check`."""

from __future__ import annotations

import re
import unicodedata


def derive_id(name: str) -> str:
    """The kebab-case id of a name: 'Weights & Biases' -> 'weights-biases' (accents dropped, at most 64 characters)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64].strip("-")


def same_name(name: str) -> str:
    """The form in which two tool names count as the same (ATL204): case and runs of spaces do not matter."""
    return " ".join(name.casefold().split())


def same_repository(url: str) -> str:
    """The form in which two repository URLs count as the same (ATL205): case, a final slash and `.git` do not matter."""
    url = url.strip().lower().rstrip("/")
    return url.removesuffix(".git")


def letters(name: str) -> str:
    """Only the letters and digits of a name, for spotting near-identical names ('Label Studio' ~ 'LabelStudio')."""
    return re.sub(r"[^0-9a-z]", "", derive_id(name))
