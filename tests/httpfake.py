"""A scriptable HTTP server on 127.0.0.1 for the link checker and GitHub client tests.

Each route is a function of the request that returns a Reply, so a test can script a sequence
(503 then 200), look at request headers (If-None-Match), or misbehave (never answer, send an
endless body, drop the connection). Every request is logged; every wait and loop is bounded and
ends when the server stops, so no test can hang on it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

MAX_ENDLESS_BYTES = 64 * 1024 * 1024  # an "endless" body stops here at the latest
MAX_SECONDS = 10.0                     # and no reply takes longer than this


@dataclass
class Request:
    method: str
    path: str       # without the query
    query: str
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0          # seconds before the status line is sent
    endless: bool = False       # a chunked body that never ends (until the client hangs up)
    trickle: float = 0.0        # with endless: seconds between one-byte chunks
    drop: bool = False          # close the connection without answering


def json_reply(data, status: int = 200, headers: dict | None = None) -> Reply:
    return Reply(status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(data).encode())


Route = Callable[[Request], Reply]


class FakeServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self.sent_body_bytes: dict[str, int] = {}
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.fake = self
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Route | Reply) -> None:
        self.routes[path] = handler if callable(handler) else (lambda _request, reply=handler: reply)

    def sequence(self, path: str, *replies: Reply) -> None:
        """Answer the n-th request with the n-th reply; the last one repeats."""
        replies_list = list(replies)
        self.route(path, lambda _request: replies_list.pop(0) if len(replies_list) > 1 else replies_list[0])

    def requests(self, path: str) -> list[str]:
        return [r.method for r in self.log if r.path == path]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self._answer()

    def do_HEAD(self) -> None:
        self._answer()

    def _answer(self) -> None:
        fake: FakeServer = self.server.fake
        parts = urlsplit(self.path)
        request = Request(self.command, parts.path, parts.query, {k.lower(): v for k, v in self.headers.items()})
        with fake._lock:
            fake.log.append(request)
            fake.in_flight += 1
            fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
        try:
            handler = fake.routes.get(parts.path)
            reply = handler(request) if handler else Reply(404, body=b"no such page")
            if reply.delay and fake.stopping.wait(min(reply.delay, MAX_SECONDS)):
                return
            if reply.drop:
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            self._send(fake, parts.path, reply)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True
        finally:
            with fake._lock:
                fake.in_flight -= 1

    def _send(self, fake: FakeServer, path: str, reply: Reply) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.endless:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if self.command != "HEAD":
                self._endless(fake, path, reply)
            return
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _endless(self, fake: FakeServer, path: str, reply: Reply) -> None:
        chunk = b"x" * (1 if reply.trickle else 16384)
        sent = 0
        deadline = time.monotonic() + MAX_SECONDS
        while sent < MAX_ENDLESS_BYTES and not fake.stopping.is_set() and time.monotonic() < deadline:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()
            sent += len(chunk)
            with fake._lock:
                fake.sent_body_bytes[path] = sent
            if reply.trickle and fake.stopping.wait(reply.trickle):
                break
        self.close_connection = True


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: connecting to it is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Tests never reach the network: any name other than the loopback's does not resolve, and is noted.

    Import this fixture into a test module to apply it to every test there; a test that expects a
    lookup (the DNS test) empties the list itself.
    """
    real = socket.getaddrinfo
    asked: list = []

    def guarded(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name in ("127.0.0.1", "localhost"):
            return real(host, *args, **kwargs)
        asked.append(name)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (the tests are offline)")

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    yield asked
    assert asked == [], f"a test tried to resolve {asked}"
