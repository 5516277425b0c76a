"""Checking URLs over HTTP: polite, concurrent, and `broken` only when the answer is definite.

One check is a few *rounds*. A round follows the redirect chain by hand (so permanent moves can be
reported and loops caught), asking each address with HEAD and falling back to GET when a server
refuses HEAD. GET reads at most a few KB: enough for a small page to finish so the connection can be
reused, never a whole download. A round that fails for a reason that may pass (timeout, reset,
refused connection, 429, 5xx) is retried after a backoff that honours Retry-After; a URL that only
ever fails that way is `unreachable`, which is reported but never fails the run. `broken` is kept
for answers that mean the page is gone: 404, 410, a DNS name that does not exist, or the same kind
of 4xx twice.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from atlas.net.backoff import Backoff, Sleep, parse_retry_after

STATUSES = ("broken", "unreachable", "redirected", "skipped", "ok")  # worst first: reports list them in this order
PERMANENT_REDIRECTS = frozenset({301, 308})
GONE = frozenset({404, 410})
USER_AGENT = "mlops-atlas-links/1.0 (link checker of the MLOps Atlas catalog)"


@dataclass(frozen=True)
class CheckSettings:
    timeout: float = 15.0          # seconds for one request, reading included
    concurrency: int = 16          # requests in flight at once, over all hosts
    per_host: int = 2              # requests in flight at once to one host
    attempts: int = 3              # rounds per URL before a transient failure counts as unreachable
    max_hops: int = 10             # redirects followed in one round
    retry_after_cap: float = 60.0  # longer Retry-After requests are not waited for: the URL is unreachable this run
    read_limit: int = 4096         # bytes of a GET body read at most


@dataclass
class LinkResult:
    url: str
    status: str                    # one of STATUSES
    code: int | None = None        # the last HTTP status received, if any
    final_url: str | None = None   # where the redirects ended
    new_url: str | None = None     # for `redirected`: the address the permanent redirects lead to; update the entry
    attempts: int = 0              # rounds made this run (0: from the cache or skipped)
    detail: str = ""
    cached: bool = False
    where: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"url": self.url, "status": self.status, "code": self.code, "final_url": self.final_url,
                "new_url": self.new_url, "attempts": self.attempts, "detail": self.detail, "cached": self.cached,
                "where": self.where}


@dataclass
class _Round:
    """How one pass through the redirect chain ended: an HTTP answer, or a failure without one."""

    final_url: str
    code: int | None = None
    new_url: str | None = None
    failure: str | None = None     # see _TRANSIENT, _DEAD_END and _DEFINITE
    detail: str = ""
    retry_after: float | None = None
    used_get: bool = False


_DEFINITE = {"dns", "invalid"}              # broken at once
_DEAD_END = {"loop", "hops", "scheme", "certificate"}  # unreachable at once: retrying gives the same answer
_TRANSIENT = {"timeout", "connection"}     # retried


class _Host:
    """Per-host politeness: a few requests at once, and a pause when the host asked us to come back later."""

    def __init__(self, limit: int):
        self.slots = asyncio.Semaphore(limit)
        self.resume_at = 0.0


class LinkChecker:
    def __init__(self, client: httpx.AsyncClient, settings: CheckSettings = CheckSettings(), *,
                 backoff: Backoff | None = None, sleep: Sleep = asyncio.sleep, clock: Callable[[], float] = time.monotonic):
        self.client = client
        self.settings = settings
        self.backoff = backoff or Backoff()
        self.sleep = sleep
        self.clock = clock
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, _Host] = {}

    async def check(self, url: str) -> LinkResult:
        s = self.settings
        had_client_error = False
        use_get = False
        attempt = 0
        while True:
            attempt += 1
            r = await self._round(url, use_get)
            use_get = use_get or r.used_get  # a host that refused HEAD once gets GET from then on
            result = LinkResult(url, "unreachable", r.code, r.final_url, attempts=attempt, detail=r.detail)
            if r.failure in _DEFINITE:
                result.status = "broken"
                return result
            if r.failure in _DEAD_END:
                return result
            if r.failure is None and r.code is not None and r.code < 400:
                result.status = "redirected" if r.new_url else "ok"
                result.new_url = r.new_url
                result.detail = "moved permanently" if r.new_url else ""
                return result
            if r.code in GONE:
                result.status, result.detail = "broken", f"HTTP {r.code}"
                return result
            if r.code is not None and r.code < 500 and r.code != 429:
                if had_client_error:
                    result.status, result.detail = "broken", f"HTTP {r.code}, a client error again on retry"
                    return result
                had_client_error = True
            if attempt >= s.attempts:
                result.detail = r.detail or f"HTTP {r.code}"
                return result
            if r.retry_after is not None and r.retry_after > s.retry_after_cap:
                result.detail = f"HTTP {r.code}: asked to wait {r.retry_after:.0f} s, more than the {s.retry_after_cap:.0f} s cap"
                return result
            await self.sleep(r.retry_after if r.retry_after is not None else self.backoff.delay(attempt))

    async def _round(self, url: str, use_get: bool) -> _Round:
        seen: set[str] = set()
        current, new_url, still_permanent = url, None, True
        for _hop in range(self.settings.max_hops + 1):
            if current in seen:
                return _Round(current, failure="loop", detail=f"redirect loop back to {current}", new_url=new_url, used_get=use_get)
            seen.add(current)
            try:
                code, headers, use_get = await self._ask(current, use_get)
            except (httpx.HTTPError, OSError, TimeoutError) as exc:
                failure, detail = self._classify(exc)
                return _Round(current, failure=failure, detail=detail, used_get=use_get)
            location = headers.get("location")
            if 300 <= code < 400 and location:
                target = urljoin(current, location.strip())
                if urlsplit(target).scheme not in ("http", "https"):
                    return _Round(current, code, failure="scheme", detail=f"redirect to a non-HTTP address: {target[:100]}",
                                  used_get=use_get)
                if still_permanent and code in PERMANENT_REDIRECTS:
                    new_url = target
                else:
                    still_permanent = False
                current = target
                continue
            retry_after = parse_retry_after(headers.get("retry-after")) if code == 429 or code >= 500 else None
            return _Round(current, code, new_url, detail=f"HTTP {code}", retry_after=retry_after, used_get=use_get)
        return _Round(current, failure="hops", detail=f"more than {self.settings.max_hops} redirects", new_url=new_url,
                      used_get=use_get)

    async def _ask(self, url: str, use_get: bool) -> tuple[int, httpx.Headers, bool]:
        """One address, HEAD first unless the host refused it; returns (status, headers, whether GET was used)."""
        host = self._host(url)
        async with host.slots:  # the host's slot first, so waiting for a busy host holds no global slot
            pause = host.resume_at - self.clock()
            if pause > 0:
                await self.sleep(pause)
            async with self._global:
                code, headers = await self._send("GET" if use_get else "HEAD", url)
                if not use_get and (code == 501 or (400 <= code < 500 and code != 429)):
                    use_get = True  # HEAD refused or unsupported (405, 403, 501, ...): ask the way a browser does
                    code, headers = await self._send("GET", url)
        if code == 429 or code >= 500:
            wait = parse_retry_after(headers.get("retry-after"))
            if wait:
                host.resume_at = max(host.resume_at, self.clock() + min(wait, self.settings.retry_after_cap))
        return code, headers, use_get

    async def _send(self, method: str, url: str) -> tuple[int, httpx.Headers]:
        request = self.client.build_request(method, url)
        async with asyncio.timeout(self.settings.timeout):  # a hard limit, even for a server that trickles bytes
            response = await self.client.send(request, stream=True)
            try:
                if method == "GET":
                    await self._read_a_little(response)
            finally:
                await response.aclose()
        return response.status_code, response.headers

    async def _read_a_little(self, response: httpx.Response) -> None:
        read = 0
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read >= self.settings.read_limit:
                return

    def _host(self, url: str) -> _Host:
        name = (urlsplit(url).hostname or "").lower()
        if name not in self._hosts:
            self._hosts[name] = _Host(self.settings.per_host)
        return self._hosts[name]

    def _classify(self, exc: BaseException) -> tuple[str, str]:
        causes = list(_causes(exc))
        if any(isinstance(c, (TimeoutError, httpx.TimeoutException)) for c in causes):
            return "timeout", f"no answer within {self.settings.timeout:g} s"
        if any(isinstance(c, socket.gaierror) and c.errno in _NAME_NOT_FOUND for c in causes):
            return "dns", "DNS name not found"
        if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
            return "invalid", f"not a URL that can be requested: {exc}"
        certificate = next((c for c in causes if isinstance(c, ssl.SSLCertVerificationError)), None)
        if certificate is not None:
            return "certificate", f"TLS certificate not accepted: {certificate.verify_message or certificate}"
        return "connection", _describe(exc)


_NAME_NOT_FOUND = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}


def _causes(exc: BaseException | None):
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _describe(exc: BaseException) -> str:
    deepest = list(_causes(exc))[-1]
    text = str(deepest) or type(deepest).__name__
    return f"connection failed: {text}"[:200]


def make_client(settings: CheckSettings) -> httpx.AsyncClient:
    """Redirects are followed by the checker itself; the pool is as large as the global limit."""
    return httpx.AsyncClient(
        follow_redirects=False,
        timeout=httpx.Timeout(settings.timeout, pool=None),
        limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency),
        headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
    )


async def check_urls(urls: Iterable[str], settings: CheckSettings = CheckSettings(), *, backoff: Backoff | None = None,
                     sleep: Sleep = asyncio.sleep, on_done: Callable[[LinkResult], None] | None = None,
                     client: httpx.AsyncClient | None = None) -> dict[str, LinkResult]:
    """Check every URL concurrently within the limits; `on_done` is told of each result as it comes (progress)."""
    urls = list(urls)
    async with client or make_client(settings) as http:
        checker = LinkChecker(http, settings, backoff=backoff, sleep=sleep)

        async def one(url: str) -> LinkResult:
            result = await checker.check(url)
            if on_done:
                on_done(result)
            return result

        results = await asyncio.gather(*(one(url) for url in urls))
    return dict(zip(urls, results, strict=True))
