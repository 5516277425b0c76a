"""A small GitHub REST client: conditional requests, rate limits and pagination, nothing else.

Requests go one at a time, as GitHub asks of integrations to avoid its secondary rate limits. A
request that carries the ETag of the stored data and gets 304 costs no rate-limit budget when
authenticated. When the budget is spent (X-RateLimit-Remaining: 0) the client waits for
X-RateLimit-Reset, and on a secondary limit for Retry-After (or a minute when GitHub gives no
time) - but never longer than `max_wait`: then it stops with RateLimited, so a scheduled job ends
with the data refreshed so far instead of hanging until its time-out.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from urllib.parse import urlsplit

import httpx

from atlas.net.backoff import Backoff, Sleep, parse_retry_after

DEFAULT_API = "https://api.github.com"
SECONDARY_LIMIT_DEFAULT_WAIT = 60.0  # GitHub: "wait at least one minute" when no Retry-After is given


class RateLimited(Exception):
    """GitHub asked us to wait longer than we are willing to."""


class Unauthorized(Exception):
    """GitHub refused the token (401): every further request would fail the same way."""


class GitHubClient:
    def __init__(self, http: httpx.AsyncClient, *, max_wait: float = 900.0, attempts: int = 4, sleep: Sleep = asyncio.sleep,
                 now: Callable[[], float] = time.time, backoff: Backoff | None = None):
        self.http = http
        self.max_wait = max_wait
        self.attempts = attempts
        self.sleep = sleep
        self.now = now
        self.backoff = backoff or Backoff()
        self.requests = 0
        self._budget_resets_at: float | None = None  # set when the last answer said no requests are left

    async def get(self, url: str, *, etag: str | None = None, params: dict | None = None) -> httpx.Response:
        """GET with If-None-Match; rate limits and 5xx are waited out and retried. Returns the last response."""
        headers = {"If-None-Match": etag} if etag else {}
        for attempt in range(1, self.attempts + 1):
            await self._wait_for_budget()
            response = await self.http.get(url, headers=headers, params=params)
            self.requests += 1
            self._note_budget(response)
            if response.status_code == 401:
                raise Unauthorized("GitHub refused the token (HTTP 401): check GITHUB_TOKEN")
            wait = self._rate_limit_wait(response)
            if wait is None and response.status_code < 500:
                return response
            if attempt == self.attempts:
                if wait is not None:
                    raise RateLimited(f"still rate limited after {attempt} attempts")
                return response
            if wait is None:
                wait = self.backoff.delay(attempt)
            elif wait > self.max_wait:
                raise RateLimited(f"GitHub asks to wait {wait:.0f} s, more than --max-wait {self.max_wait:.0f} s")
            await self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    async def pages(self, url: str, *, etag: str | None = None, params: dict | None = None,
                    max_pages: int = 5) -> AsyncIterator[httpx.Response]:
        """The first page (which may be a 304) and the pages its Link headers lead to, on the same host only."""
        response = await self.get(url, etag=etag, params=params)
        yield response
        origin = urlsplit(str(response.request.url)).netloc
        for _ in range(max_pages - 1):
            following = response.links.get("next", {}).get("url")
            if response.status_code != 200 or not following or urlsplit(following).netloc != origin:
                return
            response = await self.get(following)
            yield response

    def _rate_limit_wait(self, response: httpx.Response) -> float | None:
        """Seconds to wait when the response is a rate limit, else None (403 can also mean plain forbidden)."""
        if response.status_code not in (403, 429):
            return None
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retry_after is not None:
            return retry_after
        if response.headers.get("x-ratelimit-remaining") == "0":
            return self._until_reset(response)
        if "rate limit" in response.text.lower():
            return SECONDARY_LIMIT_DEFAULT_WAIT
        return None

    def _note_budget(self, response: httpx.Response) -> None:
        if response.status_code < 400 and response.headers.get("x-ratelimit-remaining") == "0":
            self._budget_resets_at = self.now() + self._until_reset(response)

    def _until_reset(self, response: httpx.Response) -> float:
        try:
            reset = float(response.headers.get("x-ratelimit-reset", ""))
        except ValueError:
            return SECONDARY_LIMIT_DEFAULT_WAIT
        return max(0.0, reset - self.now()) + 1.0  # one second more: the reset time is rounded down

    async def _wait_for_budget(self) -> None:
        if self._budget_resets_at is None:
            return
        wait = self._budget_resets_at - self.now()
        self._budget_resets_at = None
        if wait > self.max_wait:
            raise RateLimited(f"the rate limit resets in {wait:.0f} s, more than --max-wait {self.max_wait:.0f} s")
        if wait > 0:
            await self.sleep(wait)


def make_http(api_url: str, token: str | None, timeout: float) -> httpx.AsyncClient:
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28",
               "User-Agent": "mlops-atlas-enrich/1.0"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    # Renamed repositories answer 301 to their new address; httpx drops the token if a redirect leaves the host.
    return httpx.AsyncClient(base_url=api_url.rstrip("/"), headers=headers, timeout=timeout, follow_redirects=True)
