"""What's new: the page and the Atom feeds, ordered and dated by the data, with ids and links from site_url."""

import dataclasses
import re
import xml.etree.ElementTree as ET

import yaml

from atlas.site.build import load_valid_catalog
from atlas.site.export import feeds as feed
from atlas.site.render.whatsnew import whats_new

from conftest import BASE_CATALOG, FIXTURE_DATE, REAL_CATALOG, TEST_SITE_URL
from sitecheck import page

NS = {"a": "http://www.w3.org/2005/Atom"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
REAL_TOOLS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (REAL_CATALOG / "tools").glob("*.yaml")}
REAL_TAXONOMY = yaml.safe_load((REAL_CATALOG / "categories.yaml").read_text(encoding="utf-8"))


def expected_order(tool_ids) -> list[str]:
    """Newest `reviewed` first, ties by name: computed here from the YAML."""
    by_name = sorted(tool_ids, key=lambda t: (REAL_TOOLS[t]["name"].casefold(), t))
    return sorted(by_name, key=lambda t: REAL_TOOLS[t]["reviewed"], reverse=True)


def parse_feed(path) -> ET.Element:
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"a:{tag}", NS) is not None and root.find(f"a:{tag}", NS).text, tag
    assert root.find("a:author/a:name", NS).text
    assert RFC3339.match(root.find("a:updated", NS).text)
    links = {line.get("rel"): line.get("href") for line in root.findall("a:link", NS)}
    assert links["self"] == root.find("a:id", NS).text
    for entry in root.findall("a:entry", NS):
        for tag in ("id", "title", "updated"):
            assert entry.find(f"a:{tag}", NS) is not None and entry.find(f"a:{tag}", NS).text, tag
        assert RFC3339.match(entry.find("a:updated", NS).text)
        assert entry.find("a:link", NS).get("href").startswith(TEST_SITE_URL)
        assert entry.find("a:id", NS).text.startswith(TEST_SITE_URL)
    return root


def entry_ids(root) -> list[str]:
    return [e.find("a:link", NS).get("href").removeprefix(TEST_SITE_URL + "tools/").rstrip("/") for e in root.findall("a:entry", NS)]


def test_site_feed_is_valid_atom_in_review_order(real_site):
    root = parse_feed(real_site / "feed.xml")
    assert root.find("a:id", NS).text == TEST_SITE_URL + "feed.xml"
    alternate = next(line for line in root.findall("a:link", NS) if line.get("rel") == "alternate")
    assert alternate.get("href") == TEST_SITE_URL + "new/"
    assert entry_ids(root) == expected_order(REAL_TOOLS)[: feed.FEED_ENTRIES]
    newest = max(t["reviewed"] for t in REAL_TOOLS.values())
    assert root.find("a:updated", NS).text == f"{newest}T00:00:00Z", "updated comes from the data, not the clock"


def test_one_feed_per_category(real_site):
    for category in REAL_TAXONOMY["categories"]:
        root = parse_feed(real_site / "categories" / category["id"] / "feed.xml")
        assert root.find("a:id", NS).text == f"{TEST_SITE_URL}categories/{category['id']}/feed.xml"
        members = [t for t, d in REAL_TOOLS.items() if category["id"] in d["categories"]]
        assert entry_ids(root) == expected_order(members)[: feed.FEED_ENTRIES], category["id"]


def test_whats_new_page_lists_recent_tools_and_links_the_feeds(real_site):
    html = page(real_site, "new")
    listed = [a["href"].split("/")[-2] for a in html.select("ul.atlas-new > li > a:first-child")]
    assert listed == expected_order(REAL_TOOLS)[: len(listed)] and listed
    assert html.select_one('article a[type="application/atom+xml"]')["href"] == "../feed.xml"
    assert len(html.select(".atlas-feeds a")) == len(REAL_TAXONOMY["categories"])
    head = html.select('head link[rel="alternate"][type="application/atom+xml"]')
    assert [line["href"] for line in head] == ["../feed.xml"]
    category = page(real_site, "categories/experiment-tracking")
    assert [line["href"] for line in category.select('head link[type="application/atom+xml"]')] == ["../../feed.xml"]
    assert not page(real_site, "").select('head link[rel="alternate"]:not([href="feed.xml"])'), \
        "mkdocs-material fetches sitemap.xml beside every alternate link: only the root feed may be one"
    nav = [a.get_text(strip=True) for a in page(real_site, "").select("nav.md-nav--primary a")]
    assert "What's new" in nav


def test_order_is_newest_first_then_by_name():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    assert [t.id for t in feed.recent(catalog.tools.values())] == ["alpha-tracker", "beta-serve"]
    catalog.tools["beta-serve"] = dataclasses.replace(catalog.tools["beta-serve"], reviewed="2026-11-01", name="Aardvark")
    assert [t.id for t in feed.recent(catalog.tools.values())] == ["beta-serve", "alpha-tracker"], "same date: by name"


def test_feed_escapes_contributed_text_and_is_reproducible():
    catalog = load_valid_catalog(BASE_CATALOG, today=FIXTURE_DATE)
    tool = catalog.tools["alpha-tracker"]
    tool.name, tool.summary = "A & <B>", "</summary><script>x</script> & more"
    tools = feed.recent(catalog.tools.values())
    xml = feed.atom_feed(catalog, tools, title="T", site_url="https://x.example.org/", feed_path="feed.xml", page_path="new/")
    root = ET.fromstring(xml)
    entry = root.findall("a:entry", NS)[0]
    assert entry.find("a:title", NS).text == "A & <B>"
    assert entry.find("a:summary", NS).text == "</summary><script>x</script> & more"
    assert xml == feed.atom_feed(catalog, tools, title="T", site_url="https://x.example.org/", feed_path="feed.xml", page_path="new/")
    page_html = whats_new(catalog, "../")
    assert "<script>" not in page_html and "&lt;B&gt;" in page_html
