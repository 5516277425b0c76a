"""Functions the pages call through mkdocs-macros; `macros.py` at the repository root registers them."""

from __future__ import annotations

from atlas.build import BuildState
from atlas.render import category as category_render
from atlas.render import amoeba, compare, landscape, reference, review, tool as tool_render
from atlas.render import fields, stats, whatsnew


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

    def stages_overview() -> str:
        return category_render.stages_overview(BuildState.require(), root())

    def glossary() -> str:
        return reference.glossary(BuildState.require(), root())

    def learning_path() -> str:
        return reference.learning_path(BuildState.require(), root())

    def comparison_page(comparison_id: str) -> str:
        catalog = BuildState.require()
        comparison = next(c for c in catalog.comparisons if c.id == comparison_id)
        return compare.comparison_page(catalog, comparison, root())

    def compare_app() -> str:
        return compare.compare_app(BuildState.require(), root())

    def reach_matrix() -> str:
        return amoeba.reach_matrix(BuildState.require(), root())

    def landscape_map() -> str:
        return landscape.landscape_map(BuildState.require(), root())

    def stats_page() -> str:
        return stats.stats_page(BuildState.require(), root())

    def whats_new() -> str:
        return whatsnew.whats_new(BuildState.require(), root())

    def entries_to_review() -> str:
        return review.entries_to_review(BuildState.require(), root())

    def catalog_counts() -> str:
        catalog = BuildState.require()
        return f"{len(catalog.tools)} tools in {len(catalog.categories)} categories"

    return {
        "tool_page": tool_page,
        "category_page": category_page,
        "stages_overview": stages_overview,
        "glossary": glossary,
        "learning_path": learning_path,
        "rule_table": reference.rule_table,
        "comparison_page": comparison_page,
        "compare_app": compare_app,
        "reach_matrix": reach_matrix,
        "landscape_map": landscape_map,
        "entries_to_review": entries_to_review,
        "catalog_counts": catalog_counts,
        "field_reference": fields.field_reference,
        "stats_page": stats_page,
        "whats_new": whats_new,
    }
