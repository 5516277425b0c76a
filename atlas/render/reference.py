"""Reference pages: the glossary, the learning path overview and the checker's rule table."""

from __future__ import annotations

from atlas.codes import RULES
from atlas.model import Catalog
from atlas.render.html import category_href, external_link, generated, listing, text, tool_href


def glossary(catalog: Catalog, root: str) -> str:
    entries = []
    for term in sorted(catalog.terms.values(), key=lambda t: t.term.casefold()):
        aliases = f'<p class="atlas-note">Also called: {text(", ".join(term.aliases))}</p>' if term.aliases else ""
        related = ", ".join(f'<a href="{category_href(root, c)}">{text(catalog.categories[c].title)}</a>' for c in term.categories)
        related = f'<p class="atlas-note">Related: {related}</p>' if related else ""
        entries.append(f'<dt id="term-{text(term.id)}">{text(term.term)}</dt><dd><p>{text(term.definition)}</p>{aliases}{related}</dd>')
    return generated("reference.glossary", '<dl class="atlas-glossary">' + "".join(entries) + "</dl>")


def learning_path(catalog: Catalog, root: str) -> str:
    steps = []
    for number, step in enumerate(catalog.steps, start=1):
        tools = ", ".join(f'<a href="{tool_href(root, t)}">{text(catalog.tools[t].name)}</a>' for t in step.starter_tools)
        categories = ", ".join(f'<a href="{category_href(root, c)}">{text(catalog.categories[c].title)}</a>' for c in step.categories)
        concepts = ", ".join(f'<a href="{root}glossary/#term-{text(c)}">{text(catalog.terms[c].term)}</a>' for c in step.concepts)
        resources = listing([external_link(r.url, r.title) + f' <span class="atlas-note">({text(r.kind)}{", free" if r.free else ""})</span>'
                             for r in step.resources])
        steps.append(
            f'<li class="atlas-step" id="step-{text(step.id)}"><h2>Step {number}: {text(step.title)}</h2>'
            f"<p><strong>Goal:</strong> {text(step.goal)}</p><p><strong>Why:</strong> {text(step.why)}</p>"
            f"<p><strong>Skip for now if:</strong> {text(step.skip_for_now_if)}</p>"
            f"<p><strong>Starter tools:</strong> {tools}</p><p><strong>Categories:</strong> {categories}</p>"
            + (f"<p><strong>Concepts:</strong> {concepts}</p>" if concepts else "")
            + f"<p><strong>Exercise:</strong> {text(step.exercise)}</p><p><strong>Time:</strong> {text(step.time)}</p>"
            f"<p><strong>Resources:</strong></p>{resources}</li>")
    return generated("reference.learning_path", '<ol class="atlas-steps">' + "".join(steps) + "</ol>")


def rule_table() -> str:
    rows = "".join(f'<tr><td><code id="{rule.code}">{rule.code}</code></td><td>{text(rule.title)}</td><td>{text(rule.fix)}</td></tr>'
                   for rule in RULES)
    return generated("reference.rule_table", '<table class="atlas-rules"><thead><tr><th scope="col">Code</th>'
                     f'<th scope="col">What it checks</th><th scope="col">How to fix it</th></tr></thead><tbody>{rows}</tbody></table>')


