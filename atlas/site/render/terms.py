"""Glossary tooltips: the first mention of a glossary term in a text becomes a focusable <abbr> with its definition.

Applied to contributed text only after escaping, and only to whole words, so a term can never create markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from atlas.core.model import Catalog, Term
from atlas.site.render.html import code_spans, text


@lru_cache(maxsize=8)
def _matcher(terms: tuple[Term, ...]) -> tuple[re.Pattern | None, dict[str, Term]]:
    names: dict[str, Term] = {}
    for term in terms:
        for name in (term.term, *term.aliases):
            names.setdefault(name.casefold(), term)
    if not names:
        return None, names
    alternatives = sorted(names, key=len, reverse=True)  # longest first: "data drift" before "drift"
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in alternatives) + r")(?![\w-])", re.IGNORECASE)
    return pattern, names


def glossed(catalog: Catalog, value: str, seen: set[str] | None = None, root: str = "") -> str:
    """Escaped `value` with the first mention of each glossary term (not yet in `seen`) explained on hover and focus."""
    pattern, names = _matcher(tuple(catalog.terms.values()))
    if pattern is None:
        return code_spans(text(value))
    seen = set() if seen is None else seen
    out, last = [], 0
    for match in pattern.finditer(value):
        term = names[match.group(1).casefold()]
        if term.id in seen:
            continue
        seen.add(term.id)
        out.append(text(value[last:match.start()]))
        # Not `title`: the theme turns titles into its own hover-only tooltips. The CSS shows data-definition
        # on hover and focus; aria-description gives screen readers the same text.
        definition = text(term.definition)
        out.append(f'<abbr class="atlas-term" tabindex="0" data-definition="{definition}" aria-description="{definition}" '
                   f'data-term="{text(term.id)}">{text(match.group(1))}</abbr>')
        last = match.end()
    out.append(text(value[last:]))
    return code_spans("".join(out))
