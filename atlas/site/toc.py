"""The table of contents of pages whose headings come from generated blocks.

Markdown's toc extension runs while generated blocks are still placeholders (atlas/site/slots.py), so it never
sees their headings: the stores guide, "How to choose" and the learning path had no contents list. After the
blocks are back, the headings of the finished page (all of them carry an id; our own markup) give the list.
"""

from __future__ import annotations

import re

HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
# Parts of a heading that are not its name: the permalink and a count such as "(12 tools)".
NOT_NAME = re.compile(r'<a class="headerlink".*?</a>|<span class="atlas-count">.*?</span>', re.S)
TAG = re.compile(r"<[^>]+>")


def toc_tokens(html: str) -> list[dict]:
    """The h2 and h3 headings of `html`, h3 nested under the h2 before them, as MkDocs' toc tokens."""
    tokens: list[dict] = []
    for level, anchor, inner in HEADING.findall(html):
        name = TAG.sub("", NOT_NAME.sub("", inner)).strip()
        token = {"level": int(level), "id": anchor, "name": name, "children": []}
        if level == "3" and tokens and tokens[-1]["level"] == 2:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def count(tokens: list[dict]) -> int:
    return sum(1 + count(t["children"]) for t in tokens)
