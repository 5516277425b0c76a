"""`atlas enrich` against a fake GitHub REST API on 127.0.0.1: pagination, ETags, rate limits, 404, renames."""

import json
import shutil

import pytest

from atlas.cli import parser
from atlas.core import repository as github
from atlas.github import enrich

from conftest import BASE_CATALOG
from httpfake import FakeServer, Reply, json_reply, loopback_only  # noqa: F401 - loopback_only applies to every test here

NOW = 1_800_000_000.0
REPOS = {
    "org/alpha": {"full_name": "org/alpha", "stargazers_count": 1200, "pushed_at": "2026-11-20T08:00:00Z", "archived": False,
                  "license": {"spdx_id": "Apache-2.0"}},
    "org/frozen": {"full_name": "org/frozen", "stargazers_count": 7, "pushed_at": "2023-01-02T03:04:05Z", "archived": True,
                   "license": {"spdx_id": "NOASSERTION"}},
    "org/new": {"full_name": "org/new", "stargazers_count": 3, "pushed_at": "2026-10-01T00:00:00Z", "archived": False,
                "license": None},
}


def release(tag, *, prerelease=False, draft=False, published="2026-11-01T00:00:00Z"):
    return {"tag_name": tag, "prerelease": prerelease, "draft": draft, "published_at": None if draft else published}


class FakeGitHub(FakeServer):
    """Repositories with ETags, a paginated release list, a 404, a renamed repository (301)."""

    def __init__(self):
        super().__init__()
        self.limits: list[Reply] = []  # replies served before the real answer, once each (rate limits)
        for slug, data in REPOS.items():
            self.route(f"/repos/{slug}", self._with_etag(lambda _r, data=data: data, f'W/"{slug}-1"'))
            self.route(f"/repos/{slug}/releases", lambda r: json_reply([]))
        self.route("/repos/org/old", Reply(301, {"Location": "/repositories/42"}))
        self.route("/repositories/42", self._with_etag(lambda _r: REPOS["org/new"], 'W/"new-1"'))
        self.route("/repos/org/gone", json_reply({"message": "Not Found"}, 404))
        self.route("/repos/org/alpha/releases", self._releases)

    def _with_etag(self, body, etag):
        def answer(request):
            if self.limits:
                return self.limits.pop(0)
            if request.headers.get("if-none-match") == etag:
                return Reply(304, {"ETag": etag})
            return json_reply(body(request), headers={"ETag": etag, "X-RateLimit-Remaining": "4999"})
        return answer

    def _releases(self, request):
        """Page 1: a draft and two pre-releases; page 2: the stable release."""
        if "page=2" in request.query:
            return json_reply([release("v1.4.0", published="2026-09-15T10:00:00Z"), release("v1.3.0")])
        if request.headers.get("if-none-match") == 'W/"rel-1"':
            return Reply(304, {"ETag": 'W/"rel-1"'})
        link = f'<{self.base}/repos/org/alpha/releases?per_page=10&page=2>; rel="next", <{self.base}/x?page=2>; rel="last"'
        return json_reply([release("v2.0.0-draft", draft=True), release("v2.0.0rc2", prerelease=True),
                           release("v2.0.0rc1", prerelease=True)], headers={"ETag": 'W/"rel-1"', "Link": link})


@pytest.fixture()
def api():
    with FakeGitHub() as server:
        yield server


def make_catalog(tmp_path, repositories: dict[str, str]):
    catalog = tmp_path / "catalog"
    shutil.copytree(BASE_CATALOG, catalog)
    template = (catalog / "tools" / "alpha-tracker.yaml").read_text()
    for tool_id, repository in repositories.items():
        text = (template.replace("id: alpha-tracker", f"id: {tool_id}").replace("name: Alpha Tracker", f"name: {tool_id}")
                .replace("https://github.com/example/alpha-tracker", repository))
        (catalog / "tools" / f"{tool_id}.yaml").write_text(text)
    return catalog


def run(catalog, api, *extra, sleeps=None):
    args = parser().parse_args(["enrich", "--catalog", str(catalog), "--api-url", api.base, *extra])

    async def record(seconds):
        (sleeps if sleeps is not None else []).append(seconds)

    return enrich.run(args, sleep=record, now=lambda: NOW)


def records(catalog):
    return json.loads((catalog / "github.json").read_text())["repositories"]


ALL = {"alpha": "https://github.com/org/alpha", "frozen": "https://github.com/org/frozen",
       "old": "https://github.com/org/old", "gone": "https://github.com/org/gone"}


def test_first_run_records_every_fact(tmp_path, api, capsys):
    catalog = make_catalog(tmp_path, ALL)
    assert run(catalog, api) == 0
    text = (catalog / "github.json").read_text()
    assert text.splitlines()[0] == '{"_generated": "by python -m atlas enrich; do not edit by hand",'
    data = records(catalog)
    assert data["org/alpha"] == {
        "status": "ok", "full_name": "org/alpha", "stars": 1200, "pushed_at": "2026-11-20T08:00:00Z", "archived": False,
        "license": "Apache-2.0", "etag": 'W/"org/alpha-1"', "releases_etag": 'W/"rel-1"',
        "release": {"tag": "v1.4.0", "published_at": "2026-09-15T10:00:00Z", "prerelease": False}}  # found on page 2
    assert data["org/frozen"]["archived"] is True and data["org/frozen"]["release"] is None
    assert data["org/gone"] == {"status": "not_found"}
    assert data["org/old"]["full_name"] == "org/new"
    assert "example/alpha-tracker" in data  # the fixture catalog's own tool, answered 404 by the fake API
    out = capsys.readouterr().out
    assert "not found: org/gone (tool gone)" in out
    assert "moved: org/old -> org/new (tool old)" in out
    facts = github.load_facts(catalog / "github.json")
    assert facts["org/old"].moved_to == "org/new" and not facts["org/gone"].found


def test_second_run_is_conditional_and_changes_nothing(tmp_path, api, capsys):
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    assert run(catalog, api) == 0
    before = (catalog / "github.json").read_bytes()
    requests_before = len(api.log)
    assert run(catalog, api) == 0
    new = api.log[requests_before:]
    alpha = [r for r in new if r.path.startswith("/repos/org/alpha")]
    assert [(r.path, r.headers.get("if-none-match")) for r in alpha] == [
        ("/repos/org/alpha", 'W/"org/alpha-1"'), ("/repos/org/alpha/releases", 'W/"rel-1"')]  # 304s: no second page
    assert (catalog / "github.json").read_bytes() == before
    assert "No change to" in capsys.readouterr().out.splitlines()[-1]


def test_only_catalog_repositories_are_kept(tmp_path, api):
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    (catalog / "github.json").write_text(github.FIRST_LINE + '\n "repositories": {"org/removed": {"status": "not_found"}}}\n')
    assert run(catalog, api) == 0
    assert set(records(catalog)) == {"org/alpha", "example/alpha-tracker"}


def test_primary_rate_limit_waits_for_the_reset(tmp_path, api):
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    api.limits.append(json_reply({"message": "API rate limit exceeded"}, 403,
                                 {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) + 30)}))
    sleeps = []
    assert run(catalog, api, sleeps=sleeps) == 0
    assert sleeps == [31.0]
    assert records(catalog)["org/alpha"]["stars"] == 1200


def test_exhausted_budget_on_a_success_waits_before_the_next_request(tmp_path, api):
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    api.limits.append(json_reply(REPOS["org/alpha"], 200, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) + 10)}))
    sleeps = []
    assert run(catalog, api, sleeps=sleeps) == 0
    assert sleeps == [11.0]


def test_secondary_rate_limit_honours_retry_after(tmp_path, api):
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    api.limits.append(json_reply({"message": "You have exceeded a secondary rate limit."}, 403, {"Retry-After": "5"}))
    sleeps = []
    assert run(catalog, api, sleeps=sleeps) == 0
    assert sleeps == [5.0]


def test_rate_limit_beyond_max_wait_stops_and_keeps_old_data(tmp_path, api, capsys):
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"], "frozen": ALL["frozen"]})
    assert run(catalog, api) == 0
    old = records(catalog)
    api.limits.append(json_reply({"message": "API rate limit exceeded"}, 403,
                                 {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) + 3600)}))
    sleeps = []
    assert run(catalog, api, "--max-wait", "900", sleeps=sleeps) == 1
    assert sleeps == [] and records(catalog) == old
    assert "stopped early" in capsys.readouterr().out


def test_forbidden_without_rate_limit_is_a_failure_not_a_wait(tmp_path, api, capsys):
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    api.limits.append(json_reply({"message": "Repository access blocked"}, 403))
    sleeps = []
    assert run(catalog, api, sleeps=sleeps) == 1
    assert sleeps == []
    assert "failed: org/alpha: HTTP 403" in capsys.readouterr().out


def test_token_from_the_environment_is_sent(tmp_path, api, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "secret-token")
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    run(catalog, api)
    assert {r.headers.get("authorization") for r in api.log} == {"Bearer secret-token"}
    assert all(r.headers.get("x-github-api-version") == "2022-11-28" for r in api.log)


def test_next_page_on_another_host_is_not_followed(tmp_path, api):
    api.route("/repos/org/alpha/releases", lambda r: json_reply(
        [release("v1rc", prerelease=True)], headers={"Link": '<https://elsewhere.example.org/page2>; rel="next"'}))
    catalog = make_catalog(tmp_path, {"alpha": ALL["alpha"]})
    assert run(catalog, api) == 0
    assert records(catalog)["org/alpha"]["release"] == {"tag": "v1rc", "published_at": "2026-11-01T00:00:00Z", "prerelease": True}


@pytest.mark.parametrize("url,slug", [
    ("https://github.com/mlflow/mlflow", "mlflow/mlflow"), ("https://github.com/Org/Repo.git", "org/repo"),
    ("https://github.com/org/repo/tree/main/sub", "org/repo"), ("https://gitlab.com/org/repo", None),
    ("https://github.com/org", None), (None, None)])
def test_repo_slug(url, slug):
    assert github.repo_slug(url) == slug


def test_malformed_github_file_is_refused(tmp_path):
    path = tmp_path / "github.json"
    path.write_text('{"repositories": {"a/b": {"status": "ok", "stars": "many"}}}')
    with pytest.raises(github.GitHubFileInvalid, match="a/b"):
        github.load_facts(path)
