"""The editorial guide's checkable parts (CONTRIBUTING.md, "Writing an entry"): neutral words and short descriptions.

ATL232: a marketing word in a tool's summary, description or `differs_from` sentences. ATL233: a description
of fewer than two or more than four sentences. Judgement calls beyond these stay with the reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from atlas.check.documents import as_list, problem_at, tool_data
from atlas.core.load import Document, NodePath
from atlas.core.problems import Problem

MARKETING = re.compile(r"\b(leading|best-in-class|seamless(ly)?|powerful|cutting-edge|revolution\w*|world-class|"
                       r"blazing(ly)?|state-of-the-art|game-chang\w+|effortless(ly)?|unparalleled|next-generation)\b", re.I)
DESCRIPTION_SENTENCES = (2, 4)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def sentence_count(text: str) -> int:
    return len(_SENTENCE_END.findall(text))


def editorial(tools: list[Document]) -> Iterator[Problem]:
    for doc in tools:
        data = tool_data(doc)
        texts: list[tuple[NodePath, object]] = [(("summary",), data.get("summary")), (("description",), data.get("description"))]
        texts += [(("differs_from", i, "how"), d.get("how")) for i, d in enumerate(as_list(data.get("differs_from")))
                  if isinstance(d, dict)]
        for path, value in texts:
            found = MARKETING.findall(value) if isinstance(value, str) else []
            if found:
                words = sorted({(m[0] if isinstance(m, tuple) else m).lower() for m in found})
                yield problem_at(doc, path, "ATL232", f"{path[0]} uses marketing words: {', '.join(words)}")
        description = data.get("description")
        if isinstance(description, str):
            low, high = DESCRIPTION_SENTENCES
            count = sentence_count(description)
            if not low <= count <= high:
                yield problem_at(doc, ("description",), "ATL233",
                                 f"the description has {count} sentence{'' if count == 1 else 's'}; write {low} to {high}")
