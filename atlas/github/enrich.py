"""`python -m atlas enrich`: refresh catalog/github.json from the GitHub REST API.

For every tool whose `repository` is on github.com it records stars, the last push, the newest
release, the archived flag and GitHub's licence id. Each request carries the ETag stored last
time, so an unchanged repository costs a 304 and keeps its data. A 404 (renamed without redirect,
deleted, made private) is recorded as `not_found` and reported; `atlas check` then warns on the
entry (ATL218). Exit status: 0 when every repository was answered, 1 when some failed or the run
stopped early at a rate limit (the file then keeps the old data of the rest).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

import httpx

from atlas.check.validate import check_catalog
from atlas.core import repository as github
from atlas.github.client import DEFAULT_API, GitHubClient, RateLimited, Unauthorized, make_http
from atlas.net.backoff import Sleep
from atlas.net.progress import progress_bar

RELEASES_PER_PAGE = 10
RELEASE_PAGES = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", type=Path, default=Path("catalog"), help="the catalog whose repositories are looked up")
    parser.add_argument("--output", type=Path, help=f"the generated file (default: CATALOG/{github.FILE_NAME})")
    parser.add_argument("--api-url", default=DEFAULT_API, help=f"the GitHub REST API (default: {DEFAULT_API})")
    parser.add_argument("--max-wait", type=float, default=900.0, metavar="SECONDS",
                        help="longest wait for a rate limit to reset before stopping with what was refreshed (default: 900)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds for one request (default: 30)")


def repositories(catalog: Path) -> dict[str, list[str]]:
    """slug -> ids of the tools whose repository it is (read from the loaded entries, valid or not)."""
    found: dict[str, list[str]] = {}
    for doc in check_catalog(catalog).tools:
        data = doc.data if isinstance(doc.data, dict) else {}
        slug = github.repo_slug(data.get("repository") if isinstance(data.get("repository"), str) else None)
        if slug:
            found.setdefault(slug, []).append(str(data.get("id")))
    return dict(sorted(found.items()))


async def refresh(gh: GitHubClient, slug: str, old: dict | None) -> dict:
    """The new record of one repository; a 304 keeps the stored data."""
    old = old if old and old.get("status") == "ok" else {}
    response = await gh.get(f"/repos/{slug}", etag=old.get("etag"))
    if response.status_code == 404:
        return {"status": "not_found"}
    if response.status_code == 304:
        record = dict(old)
    elif response.status_code == 200:
        data = response.json()
        record = {"status": "ok", "full_name": data["full_name"], "stars": data["stargazers_count"],
                  "pushed_at": data.get("pushed_at"), "archived": data.get("archived") is True,
                  "license": (data.get("license") or {}).get("spdx_id"), "etag": response.headers.get("etag")}
    else:
        raise httpx.HTTPStatusError(f"HTTP {response.status_code}", request=response.request, response=response)
    record["release"], record["releases_etag"] = await newest_release(gh, slug, old.get("release"), old.get("releases_etag"))
    return record


async def newest_release(gh: GitHubClient, slug: str, old: dict | None, etag: str | None) -> tuple[dict | None, str | None]:
    """The newest stable release, else the newest pre-release, else None; and the first page's ETag.

    The list is read rather than /releases/latest because that answers 404 for a project that has
    published only pre-releases (common for young 0.x tools), and such a project is still active.
    """
    fallback, first_etag = None, None
    pages = gh.pages(f"/repos/{slug}/releases", etag=etag, params={"per_page": RELEASES_PER_PAGE}, max_pages=RELEASE_PAGES)
    async for page in pages:
        if page.status_code == 304:
            return old, etag
        if page.status_code != 200:
            return None, None
        first_etag = first_etag or page.headers.get("etag")
        for release in page.json():
            if release.get("draft") or not release.get("published_at"):
                continue
            found = {"tag": release["tag_name"], "published_at": release["published_at"], "prerelease": release.get("prerelease") is True}
            if not found["prerelease"]:
                return found, first_etag
            fallback = fallback or found
    return fallback, first_etag


def run(args: argparse.Namespace, *, sleep: Sleep = asyncio.sleep, now=time.time) -> int:
    output = args.output or args.catalog / github.FILE_NAME
    try:
        old = github.read_records(output)
    except github.GitHubFileInvalid as exc:
        print(f"warning: starting afresh, {output} is unreadable: {exc}", file=sys.stderr)
        old = {}
    wanted = repositories(args.catalog)
    records, failures, stopped = asyncio.run(_refresh_all(args, wanted, old, sleep, now))
    changed = github.write_records(output, records)
    print(_summary(wanted, old, records, failures, stopped, output, changed))
    return 1 if failures or stopped else 0


async def _refresh_all(args, wanted: dict[str, list[str]], old: dict[str, dict], sleep: Sleep, now):
    records: dict[str, dict | None] = {}
    failures: dict[str, str] = {}
    stopped = ""
    async with make_http(args.api_url, os.environ.get("GITHUB_TOKEN") or None, args.timeout) as http:
        gh = GitHubClient(http, max_wait=args.max_wait, sleep=sleep, now=now)
        with progress_bar(len(wanted), "GitHub") as bar:
            for slug in wanted:
                if stopped:
                    records[slug] = old.get(slug)
                    continue
                try:
                    records[slug] = await refresh(gh, slug, old.get(slug))
                except (RateLimited, Unauthorized) as exc:
                    stopped = str(exc)
                    records[slug] = old.get(slug)
                except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                    failures[slug] = str(exc) or type(exc).__name__
                    records[slug] = old.get(slug)
                bar.update()
        print(f"{gh.requests} requests to {args.api_url}", file=sys.stderr)
    return {slug: record for slug, record in records.items() if record is not None}, failures, stopped


def _summary(wanted, old, records, failures, stopped, output: Path, changed: bool) -> str:
    def tools(slug: str) -> str:
        return ", ".join(wanted[slug])

    not_found = [s for s, r in records.items() if r.get("status") == "not_found"]
    moved = [(s, r["full_name"]) for s, r in records.items() if r.get("status") == "ok" and (r.get("full_name") or s).lower() != s]
    updated = [s for s, r in records.items() if s not in failures and old.get(s) != r]
    lines = [f"GitHub data for {len(wanted)} repositories: {len(updated)} changed, {len(not_found)} not found, "
             f"{len(moved)} moved, {len(failures)} failed."]
    lines += [f"not found: {s} (tool {tools(s)}): renamed, deleted or made private; fix `repository`" for s in not_found]
    lines += [f"moved: {s} -> {new} (tool {tools(s)}): update `repository`" for s, new in moved]
    lines += [f"failed: {s}: {why}" for s, why in failures.items()]
    if stopped:
        lines.append(f"stopped early: {stopped}; the repositories not reached keep their old data")
    lines.append(f"{'Wrote' if changed else 'No change to'} {output}.")
    return "\n".join(lines)
