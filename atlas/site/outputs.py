"""What the build writes after the pages: the exports and feeds, then the audit of the built site.

Callable without MkDocs: atlas/site/hook.py calls `finish` at the end of `mkdocs build`.
"""

from __future__ import annotations

from pathlib import Path

from atlas.core.model import Catalog
from atlas.site.audit import audit_site
from atlas.site.export import api as export
from atlas.site.export import feeds

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def finish(catalog: Catalog, site_dir: Path, site_url: str | None) -> list[str]:
    """Write api/ and the feeds into the built site; return what the audit finds missing (empty when nothing is)."""
    export.write_exports(catalog, site_dir / "api")
    feeds.write_feeds(catalog, site_dir, site_url or DEFAULT_SITE_URL)
    return audit_site(catalog, site_dir)
