"""`python -m atlas links`: collect the URLs, skip allow-listed and fresh cached ones, check the rest, report.

Exit status: 0 when nothing is broken, 1 when something is `broken`, 2 for a usage problem (a missing
URL file, an invalid allow-list). Unreachable and redirected URLs are reported but never fail a run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path

from atlas.core.problems import UsageError, format_report
from atlas.links import collect
from atlas.links.allowlist import DEFAULT_PATH, AllowlistInvalid, allowed_by, load_allowlist, unused
from atlas.links.cache import LinkCache
from atlas.links.check import CheckSettings, LinkResult, check_urls
from atlas.links.report import json_report, markdown_report
from atlas.net.backoff import Backoff, Sleep
from atlas.net.progress import progress_bar

DEFAULT_CACHE = Path(".cache/links.json")
DAY = 86400.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    defaults = CheckSettings()
    parser.add_argument("--url-file", type=Path, help="check the URLs listed in FILE, one per line, instead of the catalog's")
    parser.add_argument("--catalog", type=Path, default=Path("catalog"), help="the catalog whose URLs are checked (default: catalog/)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the hand-written pages whose URLs are checked (default: docs/)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the full report as JSON to PATH")
    parser.add_argument("--markdown", type=Path, metavar="PATH", help="also write the Markdown summary to PATH")
    parser.add_argument("--timeout", type=float, default=defaults.timeout, help=f"seconds for one request (default: {defaults.timeout:g})")
    parser.add_argument("--concurrency", type=int, default=defaults.concurrency,
                        help=f"requests in flight at once (default: {defaults.concurrency})")
    parser.add_argument("--per-host", type=int, default=defaults.per_host,
                        help=f"requests in flight at once to one host (default: {defaults.per_host})")
    parser.add_argument("--attempts", type=int, default=defaults.attempts,
                        help=f"tries per URL for failures that may pass (default: {defaults.attempts})")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"the cache file (default: {DEFAULT_CACHE})")
    parser.add_argument("--no-cache", action="store_true", help="check every URL; neither read nor write the cache")
    parser.add_argument("--cache-ttl", type=float, default=7.0, metavar="DAYS",
                        help="how long a good answer is trusted without asking again (default: 7 days)")
    parser.add_argument("--allowlist", type=Path, default=DEFAULT_PATH, help=f"URLs not to request (default: {DEFAULT_PATH})")


def run(args: argparse.Namespace, *, sleep: Sleep = asyncio.sleep, backoff: Backoff | None = None, clock=time.time) -> int:
    try:
        allowlist = load_allowlist(args.allowlist)
    except AllowlistInvalid as exc:
        raise UsageError(f"the allow-list is invalid:\n{format_report(exc.problems)}") from None
    if args.url_file is not None and not args.url_file.is_file():
        raise UsageError(f"no such file: {args.url_file}")
    if args.url_file is not None:
        links = collect.url_file_links(args.url_file)
    else:
        links = collect.merge(collect.catalog_links(args.catalog), collect.markdown_links(args.docs))
    cache = LinkCache(None if args.no_cache else args.cache, args.cache_ttl * DAY, clock)
    settings = CheckSettings(timeout=args.timeout, concurrency=args.concurrency, per_host=args.per_host, attempts=args.attempts)

    results: dict[str, LinkResult] = {}
    for url in links:
        allowed = allowed_by(allowlist, url)
        known = None if allowed else cache.fresh(url)
        if allowed:
            results[url] = LinkResult(url, "skipped", detail=allowed.reason)
        elif known:
            results[url] = known
    to_check = [url for url in links if url not in results]
    with progress_bar(len(to_check), "Checking links") as bar:
        results.update(asyncio.run(check_urls(to_check, settings, backoff=backoff, sleep=sleep, on_done=lambda _: bar.update())))
    for url, result in results.items():
        result.where = links[url]
        cache.remember(result)
    cache.save()

    ordered = [results[url] for url in links]
    no_longer_needed = unused(allowlist, links) if args.url_file is None else []
    summary = markdown_report(ordered, no_longer_needed)
    if args.json:
        _write(args.json, json.dumps(json_report(ordered, no_longer_needed), indent=1, ensure_ascii=False) + "\n")
    if args.markdown:
        _write(args.markdown, summary)
    print(summary, end="")
    return 1 if any(r.status == "broken" for r in ordered) else 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
