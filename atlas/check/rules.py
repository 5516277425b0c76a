"""Cross-file rules: what the JSON Schema cannot see because it looks at one file at a time.

Each rule is one function that takes the loaded documents and yields located problems. The
rules read the documents defensively (a file may also have schema errors), so every problem in
the catalog is reported in one run. Codes and fixes are listed in atlas/codes.py.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import unicodedata
from collections.abc import Iterator
from pathlib import PurePath
from urllib.parse import urlsplit

from atlas.core.problems import Problem
from atlas.core.repository import RepoFacts
from atlas.check.freshness import github_problems
from atlas.core.load import Document
from atlas.core.schema import close_match

URL_KEYS = {"homepage", "repository", "documentation", "source", "url"}
URL_LIST_KEYS = {"sources"}
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")


def _items(doc: Document | None, key: str) -> list[tuple[int, dict]]:
    """(index, mapping) for each mapping in the list `key` of a shared file."""
    if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
        return []
    return [(i, item) for i, item in enumerate(doc.data[key]) if isinstance(item, dict)]


def _list(value) -> list:
    """The value if it is a list, else an empty list: files with schema errors are read defensively."""
    return value if isinstance(value, list) else []


def _strings(value) -> list[tuple[int, str]]:
    return [(i, v) for i, v in enumerate(_list(value)) if isinstance(v, str)]


def _problem(doc: Document, path: tuple, code: str, message: str, hint: str = "", *, key: bool = False,
             severity: str = "error") -> Problem:
    line, col = doc.where(path, key=key)
    return Problem(doc.path, line, col, code, message, hint, severity)


def _tool_data(doc: Document) -> dict:
    return doc.data if isinstance(doc.data, dict) else {}


def _ids(doc: Document | None, key: str) -> set[str]:
    return {item["id"] for _, item in _items(doc, key) if isinstance(item.get("id"), str)}


def _criteria_by_category(categories: Document | None) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for _, cat in _items(categories, "categories"):
        if isinstance(cat.get("id"), str):
            result[cat["id"]] = {c["id"] for c in _list(cat.get("criteria")) if isinstance(c, dict) and isinstance(c.get("id"), str)}
    return result


def file_name_matches_id(tools: list[Document]) -> Iterator[Problem]:
    for doc in tools:
        tool_id = _tool_data(doc).get("id")
        stem = PurePath(doc.path).stem
        if isinstance(tool_id, str) and tool_id != stem:
            yield _problem(doc, ("id",), "ATL200", f"id '{tool_id}' differs from the file name '{stem}.yaml'",
                           f"Rename the file to {tool_id}.yaml, or set `id: {stem}`.")


def tool_references(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    categories = shared.get("categories")
    category_ids = _ids(categories, "categories")
    criteria = _criteria_by_category(categories)
    tool_ids = {t.data["id"] for t in tools if isinstance(_tool_data(t).get("id"), str)}
    for doc in tools:
        data = _tool_data(doc)
        listed = [c for _, c in _strings(data.get("categories"))]
        if categories is not None:
            for i, cat in _strings(data.get("categories")):
                if cat not in category_ids:
                    yield _problem(doc, ("categories", i), "ATL201", f"unknown category '{cat}'",
                                   close_match(cat, category_ids) + "Categories are defined in catalog/categories.yaml.")
            answers = data.get("criteria") if isinstance(data.get("criteria"), dict) else {}
            for cat, by_criterion in answers.items():
                if cat not in listed:
                    yield _problem(doc, ("criteria", cat), "ATL202", f"criteria given for '{cat}', which is not in this tool's categories",
                                   close_match(cat, listed) + "Add the category to `categories`, or remove these answers.", key=True)
                    continue
                known = criteria.get(cat, set())
                for criterion in by_criterion if isinstance(by_criterion, dict) else {}:
                    if cat in criteria and criterion not in known:
                        yield _problem(doc, ("criteria", cat, criterion), "ATL202", f"unknown criterion '{criterion}' for category '{cat}'",
                                       close_match(criterion, known) + f"Criteria of '{cat}': {', '.join(sorted(known))}.", key=True)
        seen: set[str] = set()
        for i, diff in enumerate(_list(data.get("differs_from"))):
            other = diff.get("tool") if isinstance(diff, dict) else None
            if not isinstance(other, str):
                continue
            if other == data.get("id") or other in seen:
                reason = "the tool itself" if other == data.get("id") else f"'{other}' a second time"
                yield _problem(doc, ("differs_from", i, "tool"), "ATL212", f"differs_from lists {reason}",
                               "List each alternative once, and never the tool itself.")
            elif other not in tool_ids:
                yield _problem(doc, ("differs_from", i, "tool"), "ATL203", f"differs_from names unknown tool '{other}'",
                               close_match(other, tool_ids) + "Use the id of a file in catalog/tools/.")
            seen.add(other)


# (field, how values are compared, code, what the hint says): two tools may not share these values.
_UNIQUE_FIELDS = (
    ("id", lambda v: v, "ATL208", "Each tool has its own id."),
    ("name", lambda v: " ".join(v.casefold().split()), "ATL204", "Merge the two entries, or use each tool's distinct official name."),
    ("repository", lambda v: _normal_repo(v), "ATL205", "One repository is one tool: merge the entries."),
)


def unique_tools(tools: list[Document]) -> Iterator[Problem]:
    for field, normalise, code, hint in _UNIQUE_FIELDS:
        seen: dict[str, Document] = {}
        for doc in tools:
            value = _tool_data(doc).get(field)
            if not isinstance(value, str):
                continue
            key = normalise(value)
            if key in seen:
                yield _problem(doc, (field,), code, f"{field} '{value}' is already used by {seen[key].path}", hint)
            seen.setdefault(key, doc)


def _normal_repo(url: str) -> str:
    url = url.strip().lower().rstrip("/")
    return url[:-4] if url.endswith(".git") else url


def every_category_has_a_tool(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    categories = shared.get("categories")
    used = {c for t in tools for _, c in _strings(_tool_data(t).get("categories"))}
    for i, cat in _items(categories, "categories"):
        if isinstance(cat.get("id"), str) and cat["id"] not in used:
            yield _problem(categories, ("categories", i, "id"), "ATL206", f"category '{cat['id']}' has no tool",
                           "Add at least one tool entry that lists this category, or remove the category.")


def taxonomy(shared: dict[str, Document]) -> Iterator[Problem]:
    categories = shared.get("categories")
    if categories is None:
        return
    stage_ids = _ids(categories, "stages")
    yield from _duplicates(categories, "stages", "stage")
    yield from _duplicates(categories, "categories", "category")
    for i, cat in _items(categories, "categories"):
        stage = cat.get("stage")
        if isinstance(stage, str) and stage not in stage_ids:
            yield _problem(categories, ("categories", i, "stage"), "ATL207", f"unknown stage '{stage}'",
                           close_match(stage, stage_ids) + f"Stages: {', '.join(sorted(stage_ids))}.")
        seen: set[str] = set()
        for j, crit in enumerate(_list(cat.get("criteria"))):
            cid = crit.get("id") if isinstance(crit, dict) else None
            if isinstance(cid, str) and cid in seen:
                yield _problem(categories, ("categories", i, "criteria", j, "id"), "ATL208",
                               f"criterion id '{cid}' appears twice in category '{cat.get('id')}'", "Criterion ids are unique per category.")
            seen.add(cid)


def _duplicates(doc: Document, key: str, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, item in _items(doc, key):
        item_id = item.get("id")
        if isinstance(item_id, str) and item_id in seen:
            yield _problem(doc, (key, i, "id"), "ATL208", f"{what} id '{item_id}' appears twice", f"Each {what} id is unique.")
        seen.add(item_id)


def learning_path_and_glossary(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    category_ids = _ids(shared.get("categories"), "categories")
    have_categories = shared.get("categories") is not None
    glossary = shared.get("glossary")
    term_ids = _ids(glossary, "terms")
    tool_ids = {t.data["id"] for t in tools if isinstance(_tool_data(t).get("id"), str)}
    if glossary is not None:
        yield from _duplicates(glossary, "terms", "term")
        for i, term in _items(glossary, "terms"):
            if have_categories:
                yield from _unknown(glossary, ("terms", i, "categories"), term.get("categories"), category_ids, "ATL201", "category")
    path = shared.get("learning-path")
    if path is None:
        return
    yield from _duplicates(path, "steps", "step")
    for i, step in _items(path, "steps"):
        if have_categories:
            yield from _unknown(path, ("steps", i, "categories"), step.get("categories"), category_ids, "ATL201", "category")
        yield from _unknown(path, ("steps", i, "starter_tools"), step.get("starter_tools"), tool_ids, "ATL203", "tool")
        if glossary is not None:
            yield from _unknown(path, ("steps", i, "concepts"), step.get("concepts"), term_ids, "ATL209", "glossary term")


def comparisons(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    doc = shared.get("comparisons")
    if doc is None:
        return
    tool_ids = {t.data["id"] for t in tools if isinstance(_tool_data(t).get("id"), str)}
    yield from _duplicates(doc, "comparisons", "comparison")
    for i, comparison in _items(doc, "comparisons"):
        yield from _unknown(doc, ("comparisons", i, "tools"), comparison.get("tools"), tool_ids, "ATL203", "tool")


def stacks_and_stores(shared: dict[str, Document], tools: list[Document]) -> Iterator[Problem]:
    category_ids = _ids(shared.get("categories"), "categories")
    have_categories = shared.get("categories") is not None
    tool_categories = {t.data["id"]: {c for _, c in _strings(t.data.get("categories"))}
                       for t in tools if isinstance(_tool_data(t).get("id"), str)}
    stacks = shared.get("stacks")
    if stacks is not None:
        yield from _duplicates(stacks, "stacks", "stack")
        for i, stack in _items(stacks, "stacks"):
            for j, pick in enumerate(_list(stack.get("picks"))):
                if not isinstance(pick, dict):
                    continue
                where = ("stacks", i, "picks", j)
                category, tool = pick.get("category"), pick.get("tool")
                if have_categories and isinstance(category, str) and category not in category_ids:
                    yield _problem(stacks, where + ("category",), "ATL201", f"unknown category '{category}'",
                                   close_match(category, category_ids) + "Use a category id from catalog/categories.yaml.")
                yield from _unknown(stacks, where + ("alternatives",), pick.get("alternatives"), set(tool_categories), "ATL203", "tool")
                if isinstance(tool, str) and tool not in tool_categories:
                    yield _problem(stacks, where + ("tool",), "ATL203", f"unknown tool '{tool}'",
                                   close_match(tool, set(tool_categories)) + "Use the id of a file in catalog/tools/.")
                elif isinstance(tool, str) and isinstance(category, str) and category in category_ids \
                        and category not in tool_categories[tool]:
                    yield _problem(stacks, where + ("tool",), "ATL231", f"'{tool}' is not in category '{category}'",
                                   f"Its categories: {', '.join(sorted(tool_categories[tool]))}.")
    stores = shared.get("stores")
    if stores is not None:
        yield from _duplicates(stores, "stores", "store")
        if have_categories:
            for i, store in _items(stores, "stores"):
                yield from _unknown(stores, ("stores", i, "categories"), store.get("categories"), category_ids, "ATL201", "category")


def _unknown(doc: Document, path: tuple, values, known: set[str], code: str, what: str) -> Iterator[Problem]:
    for j, value in _strings(values):
        if value not in known:
            yield _problem(doc, path + (j,), code, f"unknown {what} '{value}'", close_match(value, known) + f"Use an existing {what} id.")


def url_fields(doc: Document) -> list[tuple[tuple, str]]:
    """(path, value) of every URL field of a document: the rule below and the link checker read the same fields.

    A URL field is a text value under a key in URL_KEYS, or a text item of a list under a key in URL_LIST_KEYS."""
    found: list[tuple[tuple, str]] = []

    def visit(value, path: tuple, list_key) -> None:
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


def urls(docs: list[Document]) -> Iterator[Problem]:
    for doc in docs:
        for path, value in url_fields(doc):
            reason = url_problem(value)
            if reason:
                yield _problem(doc, path, "ATL210", f"URL {value[:80]!r} is not allowed: {reason}",
                               "Use a public https:// address with a host name, e.g. https://example.org/docs.")


# Characters that change how text is displayed without being visible: bidirectional overrides and
# isolates (the "Trojan Source" trick), zero-width characters, Unicode tag characters (hidden text),
# and control characters other than tab and newline.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def invisible_characters(docs: list[Document]) -> Iterator[Problem]:
    for doc in docs:
        if doc.text and "\\" not in doc.text and not _INVISIBLE.search(doc.text):
            continue  # such characters come only from the text itself or from backslash escapes
        for path, value in _entries(doc):
            texts = [(value, False)] if isinstance(value, str) else []
            if path and isinstance(path[-1], str):
                texts.append((path[-1], True))
            for text, is_key in texts:
                found = _INVISIBLE.search(text)
                if found:
                    char = found.group()
                    name = unicodedata.name(char, "control character")
                    yield _problem(doc, path, "ATL230", f"text contains the invisible character U+{ord(char):04X} ({name})",
                                   "Delete it: invisible and direction-changing characters can make text read differently "
                                   "from what it is. Retype the text if you cannot see where it is.", key=is_key)
                    break


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


def _entries(doc: Document):
    """(path, value) of every value in a document, in file order."""
    stack = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(reversed([(path + (k,), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([(path + (i,), v) for i, v in enumerate(value)]))


# (years, code, severity): an entry reviewed longer ago than this is stale; the longest limit is checked first.
REVIEW_AGE_LIMITS = ((2, "ATL217", "error"), (1, "ATL216", "warning"))


def reviewed_dates(tools: list[Document], today: dt.date) -> Iterator[Problem]:
    for doc in tools:
        value = _tool_data(doc).get("reviewed")
        try:
            reviewed = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            continue  # the schema reports the malformed date
        if reviewed is None:
            continue
        if reviewed > today:
            yield _problem(doc, ("reviewed",), "ATL211", f"reviewed date {value} is in the future",
                           f"Use the date you checked the entry (today is {today.isoformat()}).")
            continue
        for years, code, severity in REVIEW_AGE_LIMITS:
            if reviewed < years_before(today, years):
                yield _problem(doc, ("reviewed",), code, f"reviewed {value}, more than {12 * years} months ago",
                               "Check every field against its sources again, then set `reviewed` to today's date.",
                               severity=severity)
                break


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def run_all(shared: dict[str, Document], tools: list[Document], today: dt.date,
            github: dict[str, RepoFacts] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    problems += file_name_matches_id(tools)
    problems += tool_references(shared, tools)
    problems += unique_tools(tools)
    problems += every_category_has_a_tool(shared, tools)
    problems += taxonomy(shared)
    problems += learning_path_and_glossary(shared, tools)
    problems += comparisons(shared, tools)
    problems += stacks_and_stores(shared, tools)
    problems += urls(list(shared.values()) + tools)
    problems += invisible_characters(list(shared.values()) + tools)
    problems += reviewed_dates(tools, today)
    problems += github_problems(tools, github or {})
    return problems
