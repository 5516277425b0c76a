"""Functions the pages call through mkdocs-macros; `macros.py` at the repository root registers them."""

from __future__ import annotations

import functools

from atlas.site.build import BuildState
from atlas.site.render import category as category_render
from atlas.site.render import amoeba, compare, decide, fields, guides, home, landscape, learning, reference, review, stacks, stats, whatsnew
from atlas.site.render import tool as tool_render


def root_of(page_url: str) -> str:
    """The relative path from a page (directory URLs) back to the site root."""
    depth = len([part for part in page_url.split("/") if part])
    return "../" * depth


def build(env) -> dict:
    """The macros, bound to the environment so each knows which page it renders."""

    def root() -> str:
        return root_of(env.page.url if env.page else "")

    def tool_page(tool_id: str) -> str:
        catalog = BuildState.require()
        return tool_render.tool_page(catalog, catalog.tools[tool_id], root())

    def category_page(category_id: str) -> str:
        catalog = BuildState.require()
        return category_render.category_page(catalog, catalog.categories[category_id], root())

    def comparison_page(comparison_id: str) -> str:
        catalog = BuildState.require()
        comparison = next(c for c in catalog.comparisons if c.id == comparison_id)
        return compare.comparison_page(catalog, comparison, root())

    def step_page(step_id: str) -> str:
        catalog = BuildState.require()
        return learning.step_page(catalog, next(s for s in catalog.steps if s.id == step_id), root())

    def stack_page(stack_id: str) -> str:
        catalog = BuildState.require()
        return stacks.stack_page(catalog, next(s for s in catalog.stacks if s.id == stack_id), root())

    def view(render):
        """A page that shows the whole catalog through one renderer taking (catalog, root)."""
        return lambda: render(BuildState.require(), root())

    def catalog_counts() -> str:
        catalog = BuildState.require()
        return f"{len(catalog.tools)} tools in {len(catalog.categories)} categories"

    macros = {
        "tool_page": tool_page,
        "category_page": category_page,
        "stages_overview": view(category_render.stages_overview),
        "front_door": view(home.front_door),
        "glossary": view(reference.glossary),
        "learning_path": view(learning.learning_overview),
        "step_page": step_page,
        "stack_page": stack_page,
        "stacks_overview": view(stacks.stacks_overview),
        "decision_helper": view(decide.decision_helper),
        "need_it_yet": view(guides.need_it_yet),
        "stores_guide": view(guides.stores_guide),
        "how_to_choose": view(guides.how_to_choose),
        "rule_table": reference.rule_table,
        "comparison_page": comparison_page,
        "compare_app": view(compare.compare_app),
        "reach_matrix": view(amoeba.reach_matrix),
        "landscape_map": view(landscape.landscape_map),
        "entries_to_review": view(review.entries_to_review),
        "catalog_counts": catalog_counts,
        "field_reference": fields.field_reference,
        "stats_page": view(stats.stats_page),
        "whats_new": view(whatsnew.whats_new),
    }
    return {name: fn if name in INLINE else _lifted(fn, env) for name, fn in macros.items()}


# Macros used inside a sentence; all others return blocks that are lifted out of the Markdown.
INLINE = frozenset({"catalog_counts"})


def _lifted(fn, env):
    """The macro, with its generated HTML blocks handed to Markdown as placeholders (atlas/slots.py)."""
    @functools.wraps(fn)
    def call(*args, **kwargs):
        out = fn(*args, **kwargs)
        if BuildState.slots is None or env.page is None:
            return out
        return BuildState.slots.stash(env.page.file.src_uri, out)
    return call
