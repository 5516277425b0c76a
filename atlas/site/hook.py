"""The MkDocs hook: load the catalog, add one page per category and per tool, write the exports.

Generated pages contain nothing but a macro call with a validated id, so no contributed text is
ever part of a page that Jinja renders; the macros return escaped HTML, which is not re-rendered.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from atlas.site.export import api as export
from atlas.site.export import feeds as feed
from atlas.site.audit import audit_site
from atlas.site.build import BuildState, CatalogInvalid, catalog_dir, load_valid_catalog
from atlas.site.macros import root_of
from atlas.core.model import Catalog
from atlas.site.render import landscape
from atlas.site.slots import Slots

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
FIXED_NAV_AFTER = [{"Glossary": "glossary.md"}, {"Entries to review": "review.md"}, {"Contributing": "contributing.md"},
                   {"API and data": "api.md"}]


def on_config(config):
    root = catalog_dir(config.config_file_path and Path(config.config_file_path).parent or ".")
    BuildState.slots = Slots()
    try:
        BuildState.catalog = load_valid_catalog(root)
    except CatalogInvalid as exc:
        BuildState.catalog = None
        raise PluginError(f"The catalog has errors; nothing was built.\n{exc}") from None
    config.nav = navigation(BuildState.catalog)
    return config


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


def on_files(files: Files, config) -> Files:
    catalog = BuildState.require()
    for category in catalog.categories.values():
        files.append(File.generated(config, f"categories/{category.id}.md", content=page_source("category_page", category.id, category.title)))
    for tool in catalog.tools.values():
        files.append(File.generated(config, f"tools/{tool.id}.md", content=page_source("tool_page", tool.id, tool.name)))
    for comparison in catalog.comparisons:
        files.append(File.generated(config, f"compare/{comparison.id}.md",
                                    content=page_source("comparison_page", comparison.id, comparison.title)))
    for step in catalog.steps:
        files.append(File.generated(config, f"learning-path/{step.id}.md", content=page_source("step_page", step.id, step.title)))
    for stack in catalog.stacks:
        files.append(File.generated(config, f"stacks/{stack.id}.md", content=page_source("stack_page", stack.id, stack.title)))
    for path, title, macro in VIEWS + START_VIEWS:
        files.append(File.generated(config, path, content=page_source(macro, None, title)))
    files.append(File.generated(config, landscape.POSTER_PATH, content=landscape.poster_svg(catalog)))
    return files


# Pages whose wide tables need the room of the table-of-contents sidebar.
WIDE = frozenset({"category_page", "comparison_page", "compare_app", "reach_matrix", "need_it_yet"})


def page_source(macro: str, item_id: str | None, title: str) -> str:
    """A generated page: front matter and one macro call. `item_id` is a validated kebab-case id."""
    argument = f'"{item_id}"' if item_id is not None else ""
    hide = "hide: [toc]\n" if macro in WIDE else ""
    return (f"---\ntitle: {json.dumps(escape(title, quote=True))}\nrender_macros: true\n{hide}---\n\n"
            f"{{{{ {macro}({argument}) }}}}\n")


def on_page_content(html: str, page, config, files) -> str:
    """Put the generated blocks back where Markdown saw only placeholders (atlas/slots.py)."""
    return BuildState.slots.restore(page.file.src_uri, html) if BuildState.slots else html


def on_post_page(output: str, page, config) -> str:
    """Announce the site's Atom feed in every page's <head> (not on 404.html, which is served at any address)."""
    if page.url == "404.html" or "</head>" not in output:
        return output
    return output.replace("</head>", feed.head_link(root_of(page.url)) + "</head>", 1)


def on_post_build(config) -> None:
    catalog = BuildState.require()
    export.write_exports(catalog, Path(config.site_dir) / "api")
    feed.write_feeds(catalog, Path(config.site_dir), config.site_url or "http://127.0.0.1:8000/")
    problems = audit_site(catalog, Path(config.site_dir))
    if problems:
        raise PluginError("The built site lost data:\n" + "\n".join(problems))
