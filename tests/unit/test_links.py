"""`atlas links` against real HTTP servers on 127.0.0.1 that simulate every case a real site can throw.

Backoff and Retry-After waits go through an injected sleep that records the delay and returns at
once, so retries are tested without waiting; only the time-out tests wait, for a fraction of a second.
"""

import asyncio
import json
import os
import subprocess
import sys
import time

import pytest

from atlas.cli import parser
from atlas.core.problems import UsageError
from atlas.links import collect
from atlas.links import command as links_command
from atlas.links.check import CheckSettings, check_urls
from atlas.net.backoff import Backoff, parse_retry_after
from atlas.net.progress import progress_bar

from conftest import BASE_CATALOG, ROOT
from httpfake import FakeServer, Reply, closed_port, loopback_only  # noqa: F401 - loopback_only applies to every test here


@pytest.fixture()
def site():
    with FakeServer() as server:
        yield server


def check(*urls, **settings):
    """(results by URL, delays the checker asked to sleep) with fast defaults."""
    delays = []

    async def record(seconds):
        delays.append(seconds)

    options = {"timeout": 2.0, **settings}
    results = asyncio.run(check_urls(urls, CheckSettings(**options), sleep=record, backoff=Backoff(base=0.5, cap=4)))
    return results, delays


def test_ok_with_head_only(site):
    site.route("/page", Reply(200, body=b"hello"))
    results, delays = check(site.url("/page"))
    result = results[site.url("/page")]
    assert (result.status, result.code, result.attempts, result.final_url) == ("ok", 200, 1, site.url("/page"))
    assert site.requests("/page") == ["HEAD"]
    assert delays == []


def test_head_refused_then_get_works(site):
    site.route("/no-head", lambda request: Reply(405) if request.method == "HEAD" else Reply(200, body=b"ok"))
    result = check(site.url("/no-head"))[0][site.url("/no-head")]
    assert (result.status, result.code) == ("ok", 200)
    assert site.requests("/no-head") == ["HEAD", "GET"]


@pytest.mark.parametrize("code", [404, 410])
def test_gone_is_broken_after_get_confirms_it(site, code):
    site.route("/gone", Reply(code))
    result = check(site.url("/gone"))[0][site.url("/gone")]
    assert (result.status, result.code, result.attempts) == ("broken", code, 1)
    assert site.requests("/gone") == ["HEAD", "GET"]  # some servers answer HEAD wrongly: GET has the last word


def test_server_error_then_success_is_ok_after_backoff(site):
    site.sequence("/flaky", Reply(503), Reply(200))
    result, delays = check(site.url("/flaky"))
    assert (result[site.url("/flaky")].status, result[site.url("/flaky")].attempts) == ("ok", 2)
    assert len(delays) == 1 and 0.25 <= delays[0] <= 0.5  # first retry: half to all of the 0.5 s base


def test_429_honours_retry_after(site):
    site.sequence("/busy", Reply(429, {"Retry-After": "7"}), Reply(200))
    results, delays = check(site.url("/busy"))
    assert results[site.url("/busy")].status == "ok"
    assert 7 in delays


def test_retry_after_longer_than_the_cap_is_not_waited_for(site):
    site.route("/later", Reply(429, {"Retry-After": "3600"}))
    result, delays = check(site.url("/later"), retry_after_cap=60)
    result = result[site.url("/later")]
    assert (result.status, result.attempts) == ("unreachable", 1)
    assert "3600" in result.detail and delays == []


def test_persistent_server_errors_are_unreachable_never_broken(site):
    site.route("/down", Reply(503))
    result, delays = check(site.url("/down"), attempts=3)
    result = result[site.url("/down")]
    assert (result.status, result.code, result.attempts) == ("unreachable", 503, 3)
    assert len(delays) == 2 and delays[1] > delays[0] / 2  # exponential: the second wait draws from a doubled range


def test_slow_response_times_out_and_is_unreachable(site):
    site.route("/slow", Reply(200, delay=5))
    started = time.monotonic()
    result = check(site.url("/slow"), timeout=0.3, attempts=2)[0][site.url("/slow")]
    assert (result.status, result.code, result.attempts) == ("unreachable", None, 2)
    assert "no answer within 0.3 s" in result.detail
    assert time.monotonic() - started < 4  # a guard against hanging, not a performance claim


def test_refused_connection_is_unreachable():
    url = f"http://127.0.0.1:{closed_port()}/"
    result = check(url, attempts=2)[0][url]
    assert (result.status, result.attempts) == ("unreachable", 2)
    assert "connection failed" in result.detail


def test_dropped_connection_is_retried(site):
    site.sequence("/reset", Reply(drop=True), Reply(200))
    result = check(site.url("/reset"))[0][site.url("/reset")]
    assert (result.status, result.attempts) == ("ok", 2)


def test_unknown_dns_name_is_broken_at_once(loopback_only):  # noqa: F811 - the fixture, to read what was asked
    result = check("https://no-such-host.example.org/page")[0]["https://no-such-host.example.org/page"]
    assert (result.status, result.attempts, result.detail) == ("broken", 1, "DNS name not found")
    assert loopback_only == ["no-such-host.example.org"]
    loopback_only.clear()


def test_permanent_redirect_chain_reports_the_new_address(site):
    site.route("/old", Reply(301, {"Location": "/new"}))
    site.route("/new", Reply(302, {"Location": "/new/today"}))
    site.route("/new/today", Reply(200))
    result = check(site.url("/old"))[0][site.url("/old")]
    assert result.status == "redirected"
    assert result.new_url == site.url("/new")  # the permanent part of the chain; /new/today is only for today
    assert result.final_url == site.url("/new/today")


def test_temporary_redirect_first_is_not_a_move(site):
    site.route("/a", Reply(307, {"Location": site.url("/b")}))
    site.route("/b", Reply(308, {"Location": "/c"}))
    site.route("/c", Reply(200))
    result = check(site.url("/a"))[0][site.url("/a")]
    assert (result.status, result.new_url, result.final_url) == ("ok", None, site.url("/c"))


def test_redirect_loop_is_detected(site):
    site.route("/x", Reply(302, {"Location": "/y"}))
    site.route("/y", Reply(302, {"Location": "/x"}))
    result = check(site.url("/x"))[0][site.url("/x")]
    assert (result.status, result.attempts) == ("unreachable", 1)
    assert "redirect loop" in result.detail
    assert site.requests("/x") == ["HEAD"] and site.requests("/y") == ["HEAD"]


def test_redirect_hop_limit(site):
    for n in range(5):
        site.route(f"/hop{n}", Reply(301, {"Location": f"/hop{n + 1}"}))
    site.route("/hop5", Reply(200))
    result = check(site.url("/hop0"), max_hops=3)[0][site.url("/hop0")]
    assert (result.status, result.detail) == ("unreachable", "more than 3 redirects")
    assert site.requests("/hop5") == []


def test_endless_body_is_not_read(site):
    site.route("/stream", lambda r: Reply(405) if r.method == "HEAD" else Reply(200, endless=True))
    result = check(site.url("/stream"), read_limit=4096)[0][site.url("/stream")]
    assert result.status == "ok"
    time.sleep(0.1)  # let the server notice the closed connection
    assert site.sent_body_bytes["/stream"] < 16 * 1024 * 1024  # the server would send 64 MB to a client that read on


def test_trickling_body_hits_the_hard_time_limit(site):
    site.route("/trickle", lambda r: Reply(405) if r.method == "HEAD" else Reply(200, endless=True, trickle=0.05))
    result = check(site.url("/trickle"), timeout=0.4, attempts=1)[0][site.url("/trickle")]
    assert (result.status, result.detail) == ("unreachable", "no answer within 0.4 s")


def test_a_client_error_twice_is_broken_once_is_not(site):
    site.route("/forbidden", Reply(403))
    site.sequence("/once", Reply(403), Reply(403), Reply(200))  # HEAD and GET of the first round, then fine
    results, _ = check(site.url("/forbidden"), site.url("/once"))
    assert (results[site.url("/forbidden")].status, results[site.url("/forbidden")].attempts) == ("broken", 2)
    assert results[site.url("/once")].status == "ok"


def test_per_host_limit_is_respected(site):
    site.route("/slowish", Reply(200, delay=0.15))
    urls = [site.url(f"/slowish?n={n}") for n in range(6)]
    results, _ = check(*urls, per_host=2, concurrency=10)
    assert {r.status for r in results.values()} == {"ok"}
    assert 1 < site.max_in_flight <= 2


def test_retry_after_parsing():
    import datetime as dt
    now = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Thu, 26 Nov 2026 12:00:30 GMT", now) == 30
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_backoff_grows_and_is_capped():
    backoff = Backoff(base=1, cap=8)
    for attempt, (low, high) in enumerate([(0.5, 1), (1, 2), (2, 4), (4, 8), (4, 8)], start=1):
        assert all(low <= backoff.delay(attempt) <= high for _ in range(20))


# --- the command: collection, cache, allow-list, reports, exit codes ---

def run_links(tmp_path, *args, clock=time.time):
    args = parser().parse_args(["links", "--cache", str(tmp_path / "cache.json"), "--allowlist", str(tmp_path / "allow.yaml"),
                                "--timeout", "2", *map(str, args)])

    async def no_wait(_seconds):
        pass

    return links_command.run(args, sleep=no_wait, backoff=Backoff(base=0.01), clock=clock)


def url_file(tmp_path, *urls):
    path = tmp_path / "urls.txt"
    path.write_text("# one URL per line\n\n" + "\n".join(urls) + "\n")
    return path


def test_exit_status_is_one_only_when_something_is_broken(site, tmp_path, capsys):
    site.route("/ok", Reply(200))
    site.route("/gone", Reply(404))
    site.route("/down", Reply(503))
    assert run_links(tmp_path, "--url-file", url_file(tmp_path, site.url("/ok"), site.url("/down"))) == 0
    assert run_links(tmp_path, "--url-file", url_file(tmp_path, site.url("/ok"), site.url("/gone"))) == 1
    out = capsys.readouterr().out
    assert "## Broken (1)" in out and site.url("/gone") in out


def test_reports_name_every_place_and_field(site, tmp_path):
    site.route("/moved", Reply(301, {"Location": "/here"}))
    site.route("/here", Reply(200))
    urls = url_file(tmp_path, site.url("/moved"), site.url("/moved#section"))
    report, markdown = tmp_path / "out" / "links.json", tmp_path / "out" / "links.md"
    assert run_links(tmp_path, "--url-file", urls, "--json", report, "--markdown", markdown) == 0
    data = json.loads(report.read_text())
    (entry,) = data["links"]  # the fragment is not part of the address: one check, two places
    assert {k: entry[k] for k in ("url", "status", "code", "final_url", "new_url", "attempts")} == {
        "url": site.url("/moved"), "status": "redirected", "code": 200, "final_url": site.url("/here"),
        "new_url": site.url("/here"), "attempts": 1}
    assert entry["where"] == [f"{urls}:3", f"{urls}:4"]
    assert data["counts"]["redirected"] == 1
    text = markdown.read_text()
    assert "## Redirected (1)" in text and site.url("/here") in text


def test_cache_skips_fresh_good_answers_and_rechecks_stale_ones(site, tmp_path):
    site.route("/ok", Reply(200))
    site.route("/gone", Reply(404))
    urls = url_file(tmp_path, site.url("/ok"), site.url("/gone"))
    now = [1_000_000.0]
    assert run_links(tmp_path, "--url-file", urls, clock=lambda: now[0]) == 1
    assert (site.requests("/ok"), site.requests("/gone")) == (["HEAD"], ["HEAD", "GET"])
    now[0] += 86400  # a day later: the good answer is fresh, the broken one is asked again
    assert run_links(tmp_path, "--url-file", urls, "--json", tmp_path / "r.json", clock=lambda: now[0]) == 1
    assert (len(site.requests("/ok")), len(site.requests("/gone"))) == (1, 4)
    cached = next(e for e in json.loads((tmp_path / "r.json").read_text())["links"] if e["url"] == site.url("/ok"))
    assert (cached["status"], cached["cached"], cached["attempts"]) == ("ok", True, 0)
    now[0] += 7 * 86400  # past the default time-to-live of 7 days
    run_links(tmp_path, "--url-file", urls, clock=lambda: now[0])
    assert len(site.requests("/ok")) == 2


def test_unreadable_cache_is_ignored(site, tmp_path, capsys):
    site.route("/ok", Reply(200))
    (tmp_path / "cache.json").write_text("{not json")
    assert run_links(tmp_path, "--url-file", url_file(tmp_path, site.url("/ok"))) == 0
    assert "ignoring the link cache" in capsys.readouterr().err
    assert site.url("/ok") in json.loads((tmp_path / "cache.json").read_text())["links"]


def test_allowlisted_urls_are_skipped_without_a_request(site, tmp_path, capsys):
    site.route("/ok", Reply(200))
    (tmp_path / "allow.yaml").write_text("allow:\n  - url: https://refuses-robots.example.org/\n    match: prefix\n"
                                         "    reason: Answers 999 to every automated request.\n")
    urls = url_file(tmp_path, "https://refuses-robots.example.org/page", site.url("/ok"))
    assert run_links(tmp_path, "--url-file", urls, "--json", tmp_path / "r.json") == 0
    statuses = {e["url"]: (e["status"], e["detail"]) for e in json.loads((tmp_path / "r.json").read_text())["links"]}
    assert statuses["https://refuses-robots.example.org/page"] == ("skipped", "Answers 999 to every automated request.")
    assert "## Skipped (1)" in capsys.readouterr().out  # and the network guard saw no lookup of that host


def test_invalid_allowlist_is_a_located_usage_error(tmp_path):
    (tmp_path / "allow.yaml").write_text("allow:\n  - url: http://insecure.example.org/\n")
    with pytest.raises(UsageError) as raised:
        run_links(tmp_path, "--url-file", url_file(tmp_path))
    assert "allow.yaml:2:5: ATL101 missing required field 'reason'" in str(raised.value)
    assert "allow.yaml:2:10: ATL210" in str(raised.value)


def test_repository_allowlist_is_valid():
    from atlas.links.allowlist import load_allowlist
    assert isinstance(load_allowlist(ROOT / "links-allowlist.yaml"), list)


def test_catalog_links_know_where_they_are_written():
    links = collect.catalog_links(BASE_CATALOG)
    places = links["https://github.com/example/alpha-tracker"]
    assert [p.rsplit(":", 1)[0].endswith("alpha-tracker.yaml") for p in places] == [True, True]  # repository and sources
    lines = (BASE_CATALOG / "tools" / "alpha-tracker.yaml").read_text().splitlines()
    for place in places:
        assert "https://github.com/example/alpha-tracker" in lines[int(place.rsplit(":", 1)[1]) - 1]
    assert any(p.endswith("learning-path.yaml") for p in (w.rsplit(":", 1)[0] for ws in links.values() for w in ws))


def test_markdown_links_skip_relative_links(tmp_path):
    (tmp_path / "page.md").write_text("See [docs](https://docs.example.org/a_(b)) and [here](other.md).\n"
                                      "Plain: https://example.org/x. <https://example.org/y>\n")
    assert collect.markdown_links(tmp_path) == {
        "https://docs.example.org/a_(b)": [f"{tmp_path / 'page.md'}:1"],
        "https://example.org/x": [f"{tmp_path / 'page.md'}:2"], "https://example.org/y": [f"{tmp_path / 'page.md'}:2"]}


def test_unused_allowlist_entries_are_reported(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(collect, "catalog_links", lambda _catalog: {})
    (tmp_path / "allow.yaml").write_text("allow:\n  - url: https://gone.example.org/\n    reason: Kept from an old entry.\n")
    assert run_links(tmp_path, "--docs", tmp_path) == 0
    assert "## Allow-list entries no longer needed (1)" in capsys.readouterr().out


def test_progress_bar_only_on_a_terminal(monkeypatch):
    class Terminal:
        def __init__(self):
            self.written = ""

        def isatty(self):
            return True

        def write(self, text):
            self.written += text

        def flush(self):
            pass

    monkeypatch.delenv("CI", raising=False)
    shown = Terminal()
    with progress_bar(2, "Checking links", shown) as bar:
        bar.update()
    assert "Checking links" in shown.written
    monkeypatch.setenv("CI", "true")
    quiet = Terminal()
    with progress_bar(2, "Checking links", quiet) as bar:
        bar.update()
    assert quiet.written == ""


def test_command_line_end_to_end(site, tmp_path):
    site.route("/ok", Reply(200))
    site.route("/gone", Reply(410))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "atlas", "links", "--url-file", url_file(tmp_path, site.url("/ok"), site.url("/gone")),
                             "--no-cache", "--allowlist", tmp_path / "none.yaml"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Checked 2 URLs: 1 broken, 0 unreachable, 0 redirected, 0 skipped, 1 ok" in result.stdout
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
