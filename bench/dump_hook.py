"""Benchmark helper hook: after the Atlas hook and the macros have run, write each page's final Markdown
and the navigation to $ATLAS_DUMP_DIR, so the benchmark can build the same pages with plain mkdocs-material."""

from __future__ import annotations

import json
import os
from pathlib import Path


def _dump_dir() -> Path:
    return Path(os.environ["ATLAS_DUMP_DIR"])


def on_config(config):
    (_dump_dir()).mkdir(parents=True, exist_ok=True)
    (_dump_dir() / "nav.json").write_text(json.dumps(config.nav), encoding="utf-8")
    return config


def on_page_markdown(markdown, page, config, files):
    target = _dump_dir() / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in page.meta.items() if k in ("title", "hide")) + "---\n\n"
    from atlas.site.build import BuildState  # the generated blocks go back in: the floor gets the full static page
    target.write_text(meta + BuildState.slots.restore(page.file.src_uri, markdown), encoding="utf-8")
    return markdown
