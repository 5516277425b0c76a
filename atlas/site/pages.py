"""What the site consists of, apart from the hand-written pages: the generated pages and the navigation.

Plain functions of the catalog, callable without MkDocs; atlas/site/hook.py hands their results to
MkDocs. A generated page contains nothing but front matter and one macro call with a validated id, so no
contributed text is ever part of a page that Jinja renders.
"""

from __future__ import annotations

import json
from html import escape

from atlas.core.model import Catalog
from atlas.core import logos
from atlas.site.render import landscape
from atlas.site.render.html import LOGO_DIR

# Generated views of the whole catalog: (file, title, macro); the macro takes no argument.
VIEWS = (
    ("map.md", "Landscape map", "landscape_map"),
    ("compare/index.md", "Compare tools", "compare_app"),
    ("reach.md", "Who reaches where", "reach_matrix"),
    ("stats.md", "Statistics", "stats_page"),
    ("new.md", "What's new", "whats_new"),
)
START_VIEWS = (
    ("decide.md", "Decision helper", "decision_helper"),
    ("stacks/index.md", "Starter stacks", "stacks_overview"),
    ("guides/need-it-yet.md", "Do I need this yet?", "need_it_yet"),
    ("guides/stores.md", "A store for everything", "stores_guide"),
    ("guides/how-to-choose.md", "How to choose", "how_to_choose"),
)
# The maintainers' pages are linked from the contributing guide, not from the newcomer's menu.
FIXED_NAV_AFTER = [{"Glossary": "glossary.md"}, {"Contributing": "contributing.md"}, {"API and data": "api.md"}]


def navigation(catalog: Catalog) -> list:
    """Stages -> categories. Tool pages are reached from category pages and search, keeping every page small."""
    nav: list = [{"Home": "index.md"}]
    path = [{"Overview": "learning-path.md"}] + [{_nav_title(f"{s.title}"): f"learning-path/{s.id}.md"} for s in catalog.steps]
    nav.append({"Start here": [{"Learning path": path}] + [{title: file} for file, title, _ in START_VIEWS]})
    for stage in catalog.stages:
        nav.append({_nav_title(stage.title): [{_nav_title(c.title): f"categories/{c.id}.md"} for c in stage.categories]})
    nav.append({"Explore": [{title: path} for path, title, _ in VIEWS]})
    return nav + FIXED_NAV_AFTER


def _nav_title(title: str) -> str:
    return escape(title, quote=True)  # the theme prints titles without escaping


def generated_pages(catalog: Catalog) -> list[tuple[str, str]]:
    """(path under docs/, content) of every generated page and file, in a stable order."""
    pages = [(f"categories/{c.id}.md", page_source("category_page", c.id, c.title, [c.title, *c.aliases]))
             for c in catalog.categories.values()]
    pages += [(f"tools/{t.id}.md", page_source("tool_page", t.id, t.name, [t.name, t.id])) for t in catalog.tools.values()]
    pages += [(f"compare/{c.id}.md", page_source("comparison_page", c.id, c.title)) for c in catalog.comparisons]
    pages += [(f"learning-path/{s.id}.md", page_source("step_page", s.id, s.title)) for s in catalog.steps]
    pages += [(f"stacks/{s.id}.md", page_source("stack_page", s.id, s.title)) for s in catalog.stacks]
    pages += [(path, page_source(macro, None, title)) for path, title, macro in VIEWS + START_VIEWS]
    pages.append((landscape.POSTER_PATH, landscape.poster_svg(catalog)))
    for slug in sorted({t.logo for t in catalog.tools.values() if t.logo}):
        svg = logos.logo_svg(slug)
        if svg:  # ATL240 refuses unknown slugs; an icon without drawable paths shows the name alone
            pages.append((f"{LOGO_DIR}/{slug}.svg", svg))
    return pages


# Views that list every tool by name only: in search they would match every tool's name beside the tool's own
# page, so they are left out of the index (each tool page and category page is there).
NOT_SEARCHED = frozenset({"landscape_map", "reach_matrix", "stats_page"})
# Pages whose wide tables need the room of the table-of-contents sidebar.
WIDE = frozenset({"category_page", "comparison_page", "compare_app", "reach_matrix", "need_it_yet"})


def page_source(macro: str, item_id: str | None, title: str, names: list[str] | None = None) -> str:
    """A generated page: front matter and one macro call. `item_id` is a validated kebab-case id.

    `names` are what a reader types to find the page (a tool's name and id, a category's title and aliases). They
    go into the page's search tags, which the theme's search weighs far above the text, so "vllm" finds vLLM's
    page before every page that mentions it; the tags are not shown (atlas.css)."""
    argument = f'"{item_id}"' if item_id is not None else ""
    hide = "hide: [toc]\n" if macro in WIDE else ""
    search = "search:\n  exclude: true\n" if macro in NOT_SEARCHED else ""
    if names and macro not in NOT_SEARCHED:
        search += f"tags: {json.dumps(list(dict.fromkeys(names)), ensure_ascii=False)}\n"
    # ensure_ascii=False: an escaped character outside the BMP becomes a surrogate pair that YAML front matter
    # cannot hold, and MkDocs then drops the whole front matter (the page loses its title).
    return (f"---\ntitle: {json.dumps(escape(title, quote=True), ensure_ascii=False)}\nrender_macros: true\n{hide}{search}---\n\n"
            f"{{{{ {macro}({argument}) }}}}\n")
