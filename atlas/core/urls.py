"""The URL policy: which contributed addresses are acceptable, and which fields of a file hold URLs.

One policy for everything that reads catalog URLs: the checker (ATL210), `atlas new`, and the link checker.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from atlas.core.load import Document, NodePath

URL_KEYS = {"homepage", "repository", "documentation", "source", "url"}


URL_LIST_KEYS = {"sources"}


_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")


def url_fields(doc: Document) -> list[tuple[NodePath, str]]:
    """(path, value) of every URL field of a document: the rule below and the link checker read the same fields.

    A URL field is a text value under a key in URL_KEYS, or a text item of a list under a key in URL_LIST_KEYS."""
    found: list[tuple[NodePath, str]] = []

    def visit(value: object, path: NodePath, list_key: str | None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, str):
                    if k in URL_KEYS:
                        found.append((path + (k,), v))
                elif isinstance(v, dict):
                    visit(v, path + (k,), None)
                elif isinstance(v, list):
                    visit(v, path + (k,), k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, str):
                    if list_key in URL_LIST_KEYS:
                        found.append((path + (i,), v))
                elif isinstance(v, (dict, list)):
                    visit(v, path + (i,), None)

    visit(doc.data, (), None)
    return found


_URL_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


# The shape almost every catalog URL has: https, a lower-case host name, no user, no port, then a
# path, query or fragment without spaces or control characters. Such a URL is accepted once its
# host passes the same host checks as below, without the cost of urlsplit and ipaddress (a URL
# that does not have this shape gets the full checks; the tests compare both ways).
_PLAIN_HTTPS_URL = re.compile(r"https://([a-z0-9.-]+)(?:[/?#][^\s\x00-\x1f\x7f-\x9f]*)?\Z")


_NON_PUBLIC_SUFFIXES = (".localhost", ".local", ".internal", ".test", ".invalid", ".example")


def url_problem(url: str) -> str:
    """Why a contributed URL is refused, or an empty string when it is fine."""
    plain = _PLAIN_HTTPS_URL.match(url)
    if plain and not _host_problem(plain.group(1)):
        return ""
    return _url_problem_in_full(url)


def _host_problem(host: str) -> str:
    if not _HOST.match(host):
        return f"'{host}' is not a valid public host name"
    if host == "localhost" or host.endswith(_NON_PUBLIC_SUFFIXES):
        return f"'{host}' is not a public host"
    return ""


def _url_problem_in_full(url: str) -> str:
    if _URL_BAD_CHARS.search(url):
        return "it contains spaces or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "it cannot be parsed"
    if parts.scheme != "https":
        return f"the scheme is '{parts.scheme or 'missing'}', only https is allowed"
    if parts.username or parts.password:
        return "it contains a user name or password"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "it has no host name"
    try:
        ipaddress.ip_address(host)
        return "it points to an IP address instead of a host name"
    except ValueError:
        pass
    reason = _host_problem(host)
    if reason:
        return reason
    if port not in (None, 443):
        return "it uses a non-standard port"
    return ""
