"""Reference pages: the glossary and the checker's rule table."""

from __future__ import annotations

from atlas.core.codes import RULES
from atlas.core.model import Catalog
from atlas.site.render.html import category_href, generated, heading, text


def glossary(catalog: Catalog, root: str) -> str:
    entries = []
    for term in sorted(catalog.terms.values(), key=lambda t: t.term.casefold()):
        aliases = f'<p class="atlas-note">Also called: {text(", ".join(term.aliases))}</p>' if term.aliases else ""
        related = ", ".join(f'<a href="{category_href(root, c)}">{text(catalog.categories[c].title)}</a>' for c in term.categories)
        related = f'<p class="atlas-note">Related: {related}</p>' if related else ""
        # One heading per term: each is a search result of its own, a permalink and a line of the page's contents.
        entries.append(f'<section class="atlas-term-entry">{heading(3, "term-" + term.id, text(term.term))}'
                       f"<p>{text(term.definition)}</p>{aliases}{related}</section>")
    return generated("reference.glossary", '<div class="atlas-glossary">' + "".join(entries) + "</div>")


def rule_table() -> str:
    rows = "".join(f'<tr><td><code id="{rule.code}">{rule.code}</code></td><td>{text(rule.title)}</td><td>{text(rule.fix)}</td></tr>'
                   for rule in RULES)
    return generated("reference.rule_table", '<div class="atlas-scroll"><table class="atlas-rules"><thead><tr><th scope="col">Code</th>'
                     f'<th scope="col">What it checks</th><th scope="col">How to fix it</th></tr></thead><tbody>{rows}</tbody></table></div>')


