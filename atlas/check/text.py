"""Rules about text itself: invisible and direction-changing characters (ATL230)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from atlas.check.documents import entries, problem_at
from atlas.core.load import Document
from atlas.core.problems import Problem

# Characters that change how text is displayed without being visible: bidirectional overrides and
# isolates (the "Trojan Source" trick), zero-width characters, Unicode tag characters (hidden text),
# and control characters other than tab and newline.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def invisible_characters(docs: list[Document]) -> Iterator[Problem]:
    for doc in docs:
        if doc.text and "\\" not in doc.text and not _INVISIBLE.search(doc.text):
            continue  # such characters come only from the text itself or from backslash escapes
        for path, value in entries(doc):
            texts = [(value, False)] if isinstance(value, str) else []
            if path and isinstance(path[-1], str):
                texts.append((path[-1], True))
            for text, is_key in texts:
                found = _INVISIBLE.search(text)
                if found:
                    char = found.group()
                    name = unicodedata.name(char, "control character")
                    yield problem_at(doc, path, "ATL230", f"text contains the invisible character U+{ord(char):04X} ({name})",
                                   "Delete it: invisible and direction-changing characters can make text read differently "
                                   "from what it is. Retype the text if you cannot see where it is.", key=is_key)
                    break
