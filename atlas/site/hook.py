"""The MkDocs hook: the only glue between MkDocs and the Atlas (with atlas/site/macros.py).

It loads the catalog once, hands MkDocs the navigation and the generated pages (atlas/site/pages.py),
puts generated HTML blocks back after Markdown (atlas/site/slots.py), and at the end writes the exports
and audits the result (atlas/site/outputs.py). Moving to another generator means replacing this file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from atlas.site import outputs, pages, toc
from atlas.site.build import BuildState, CatalogInvalid, catalog_dir, load_valid_catalog
from atlas.site.export import feeds
from atlas.site.macros import root_of
from atlas.site.slots import Slots


def on_config(config):
    root = catalog_dir(config.config_file_path and Path(config.config_file_path).parent or ".")
    BuildState.slots = Slots()
    try:
        BuildState.catalog = load_valid_catalog(root)
    except CatalogInvalid as exc:
        BuildState.catalog = None
        raise PluginError(f"The catalog has errors; nothing was built.\n{exc}") from None
    config.nav = pages.navigation(BuildState.catalog)
    return config


def on_files(files: Files, config) -> Files:
    for path, content in pages.generated_pages(BuildState.require()):
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Put the generated blocks back where Markdown saw only placeholders (atlas/site/slots.py), then list the
    headings they brought in the page's contents (atlas/site/toc.py)."""
    if not BuildState.slots:
        return html
    html = BuildState.slots.restore(page.file.src_uri, html)
    tokens = toc.toc_tokens(html)
    if toc.count(tokens) > sum(1 for _ in _walk(page.toc)):
        page.toc = get_toc(tokens)
    return html


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def on_post_page(output: str, page, config) -> str:
    """Announce the site's Atom feed in every page's <head> (not on 404.html, which is served at any address)."""
    if page.url == "404.html" or "</head>" not in output:
        return output
    return output.replace("</head>", feeds.head_link(root_of(page.url)) + "</head>", 1)


def on_post_build(config) -> None:
    problems = outputs.finish(BuildState.require(), Path(config.site_dir), config.site_url)
    if problems:
        raise PluginError("The built site lost data:\n" + "\n".join(problems))
