"""The home page's front door: what the Atlas is for, and every way in, above the stage-by-stage catalog.

A newcomer arrives with one of a few questions; each door answers one of them. The doors and the category
picker are plain links and a plain form, so they work without JavaScript (atlas.js only turns the picker's
choice into a page change instead of a jump to the list below).
"""

from __future__ import annotations

from atlas.core.model import Catalog
from atlas.site.render.html import category_href, generated, text

# (page under the site root, door title, the question it answers)
WAYS_IN = (
    ("guides/need-it-yet/", "Do I need this yet?", "Every kind of tool with when you need it and when it can wait."),
    ("compare/", "Compare tools", "Pick two to four tools and see how they differ, criterion by criterion."),
    ("learning-path/", "Learning path", "Fundamentals first: one small open-source tool per step."),
    ("map/", "Landscape map", "Every tool on one page, by stage and kind."),
    ("stacks/", "Starter stacks", "Small, complete stacks for common kinds of team."),
    ("decide/", "Decision helper", "Six questions about your team; the kinds of tool and candidates that fit."),
    ("guides/stores/", "A store for everything", "Feature, model, metric, vector and evaluation stores told apart."),
)


def front_door(catalog: Catalog, root: str) -> str:
    doors = "".join(f'<li><a class="atlas-door" href="{root}{href}"><strong>{text(title)}</strong>'
                    f'<span>{text(why)}</span></a></li>' for href, title, why in WAYS_IN)
    body = ('<div class="atlas-front-door">'
            + _finder(catalog, root)
            + f'<ul class="atlas-doors" aria-label="Ways into the Atlas">{doors}</ul></div>')
    return generated("home.front_door", body)


def _finder(catalog: Catalog, root: str) -> str:
    """"Find tools for a job": search, or pick the kind of tool from a list grouped by stage."""
    groups = "".join(
        f'<optgroup label="{text(stage.title)}">'
        + "".join(f'<option value="{category_href(root, c.id)}">{text(c.title)}</option>' for c in stage.categories)
        + "</optgroup>" for stage in catalog.stages)
    return ('<section class="atlas-finder" aria-labelledby="atlas-finder-title">'
            '<h2 id="atlas-finder-title">Find tools for a job</h2>'
            '<p><label class="md-button md-button--primary atlas-search-button" for="__search">Search tools and guides</label></p>'
            f'<form class="atlas-picker" action="#stages" data-atlas-picker>'
            '<label for="atlas-picker-select">Or pick the kind of tool</label> '
            f'<select id="atlas-picker-select" name="category">{groups}</select> '
            '<button type="submit" class="md-button">Show tools</button></form>'
            '<p class="atlas-note">Each kind of tool has a page that says what problem it solves, whether you need it '
            'yet, what to ask, and a table that compares the tools.</p></section>')
