"""Results of earlier runs, kept in a JSON file, so a scheduled run rechecks only what has gone stale.

Only good answers (`ok`, `redirected`) are kept: a failure is always checked again, so a fixed link
shows as fixed at once and a passing fault gets another chance. The cache is an optimisation: an
unreadable file is ignored with a warning, never an error.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from atlas.links.check import LinkResult

FORMAT = 1
KEPT_STATUSES = frozenset({"ok", "redirected"})
_FIELDS = ("status", "code", "final_url", "new_url")


class LinkCache:
    def __init__(self, path: Path | None, ttl_seconds: float, clock: Callable[[], float] = time.time):
        self.path = path
        self.ttl = ttl_seconds
        self.clock = clock
        self.entries: dict[str, dict] = self._read(path) if path else {}

    def fresh(self, url: str) -> LinkResult | None:
        """The remembered result, if it is younger than the time-to-live."""
        entry = self.entries.get(url)
        if entry is None or self.clock() - entry["checked_at"] >= self.ttl:
            return None
        return LinkResult(url, status=entry["status"], code=entry.get("code"), final_url=entry.get("final_url"),
                          new_url=entry.get("new_url"), detail="from the cache", cached=True)

    def remember(self, result: LinkResult) -> None:
        if result.status in KEPT_STATUSES and not result.cached:
            self.entries[result.url] = {**{k: getattr(result, k) for k in _FIELDS}, "checked_at": int(self.clock())}

    def save(self) -> None:
        """Write the fresh entries only (stale ones would be rechecked anyway), atomically."""
        if self.path is None:
            return
        now = self.clock()
        kept = {url: e for url, e in sorted(self.entries.items()) if now - e["checked_at"] < self.ttl}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps({"format": FORMAT, "links": kept}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, self.path)

    def _read(self, path: Path) -> dict[str, dict]:
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            links = data["links"] if data.get("format") == FORMAT else {}
            if not all(isinstance(e, dict) and isinstance(e.get("checked_at"), (int, float)) and e.get("status") in KEPT_STATUSES
                       for e in links.values()):
                raise ValueError("unexpected entry")
            return dict(links)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            print(f"warning: ignoring the link cache {self.path}: {exc}", file=sys.stderr)
            return {}
