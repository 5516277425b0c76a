"""The decision helper: six questions whose answers narrow categories and tools (computed by atlas.js
from api/catalog.json, in the browser, offline; nothing is sent anywhere)."""

from __future__ import annotations

from atlas.core.model import Catalog
from atlas.site.render.html import generated, text

# (name, question, [(value, label)]); the first option is the default.
QUESTIONS = (
    ("team", "How many people work on ML?", [("solo", "Just me"), ("reasonable-scale", "A small team (2 to 10)"),
                                             ("enterprise", "A large organisation")]),
    ("data", "How much data do you train on?", [("small", "It fits in memory on one machine"),
                                                ("medium", "Gigabytes to a few terabytes"),
                                                ("large", "More than one machine can process in time")]),
    ("kubernetes", "Do you run Kubernetes?", [("no", "No"), ("yes", "Yes, and people who operate it")]),
    ("hosting", "Managed services or self-hosted?", [("either", "Either"), ("self", "Self-hosted only (data stays with us)"),
                                                     ("managed", "Managed services (we do not want to operate servers)")]),
    ("budget", "Budget for tools?", [("free", "Free and open-source tools only"), ("paid", "We can pay for tools")]),
    ("work", "What do you build?", [("classic", "Classic ML (tables, images, time series)"),
                                    ("llm", "LLM applications"), ("both", "Both")]),
)


def decision_helper(catalog: Catalog, root: str) -> str:
    fieldsets = []
    for name, question, options in QUESTIONS:
        radios = "".join(f'<label><input type="radio" name="{name}" value="{value}"{" checked" if i == 0 else ""}> {text(label)}</label>'
                         for i, (value, label) in enumerate(options))
        fieldsets.append(f'<fieldset><legend>{text(question)}</legend>{radios}</fieldset>')
    body = (f'<div class="atlas-decide" data-atlas-decide data-catalog="{root}api/catalog.json" data-root="{root}">'
            "<noscript><p>The decision helper needs JavaScript. Without it, start with the "
            f'<a href="{root}learning-path/">learning path</a> and the <a href="{root}guides/need-it-yet/">"Do I need this yet?"</a> table.</p></noscript>'
            f'<form class="atlas-decide-form" hidden>{"".join(fieldsets)}</form>'
            '<div class="atlas-decide-result" aria-live="polite"></div></div>')
    return generated("decide.decision_helper", body)
