"""`make bench`: build time against a plain mkdocs-material floor, scale to 1,000 and 5,000 tools, validation
speed, page weight, browser timings and Lighthouse scores. Prints a Markdown report and writes it to BENCHMARKS.md.

Numbers are measurements on this machine, never assertions: compare runs on the same machine."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from synthetic_catalog import generate  # noqa: E402

PY = sys.executable
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764115200", "PYTHONPATH": str(ROOT)}
PEAK = ("import resource, runpy, sys; sys.argv = ['mkdocs'] + sys.argv[1:]; "
        "code = 0\ntry: runpy.run_module('mkdocs', run_name='__main__')\nexcept SystemExit as e: code = e.code or 0\n"
        "print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")


def build(config: Path, site: Path, catalog: Path | None = None) -> tuple[float, int]:
    """(seconds, peak resident memory in KiB) of one `mkdocs build --strict`."""
    env = dict(ENV)
    if catalog is not None:
        env["ATLAS_CATALOG"] = str(catalog)
    start = time.perf_counter()
    result = subprocess.run([PY, "-c", PEAK, "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)],
                            cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    peak = int(re.search(r"PEAK_KB (\d+)", result.stderr).group(1))
    return elapsed, peak


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def floor_project(work: Path) -> Path:
    """The real site's pages as static Markdown, built by mkdocs-material with no macros and no hook."""
    dump = work / "dump"
    config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    dump_config = ROOT / ".bench-dump.yml"
    dump_config.write_text(config_text.replace("hooks:\n  - atlas/site/hook.py", "hooks:\n  - atlas/site/hook.py\n  - bench/dump_hook.py"),
                           encoding="utf-8")
    try:
        subprocess.run([PY, "-m", "mkdocs", "build", "--quiet", "-f", str(dump_config), "-d", str(work / "dump-site")],
                       cwd=ROOT, env={**ENV, "ATLAS_DUMP_DIR": str(dump)}, check=True, capture_output=True)
    finally:
        dump_config.unlink()
    docs = dump / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    poster = work / "dump-site" / "map" / "mlops-atlas-poster.svg"
    (docs / "map").mkdir(exist_ok=True)
    shutil.copyfile(poster, docs / "map" / poster.name)
    floor = yaml.safe_load(config_text.replace("!ENV [ATLAS_SITE_URL, \"http://127.0.0.1:8000/\"]", '"http://127.0.0.1:8000/"'))
    floor.update(docs_dir=str(docs), nav=json.loads((dump / "nav.json").read_text(encoding="utf-8")),
                 plugins=["search"], watch=[])
    floor.pop("hooks", None)
    config = work / "floor.yml"
    config.write_text(yaml.safe_dump(floor, sort_keys=False), encoding="utf-8")
    return config


def build_overhead(work: Path) -> list[str]:
    floor = floor_project(work)
    atlas_times, floor_times = [], []
    for _ in range(RUNS):  # alternate, so drift in machine load hits both sides
        atlas_times.append(build(ROOT / "mkdocs.yml", work / "atlas-site", ROOT / "catalog")[0])
        floor_times.append(build(floor, work / "floor-site")[0])
    a, f = statistics.median(atlas_times), statistics.median(floor_times)
    pages = len(list((work / "atlas-site").rglob("index.html")))
    return ["## Build overhead (real catalog)", "",
            f"| Build | Median of {RUNS} (s) | Pages |", "| --- | --- | --- |",
            f"| Atlas (`make site`: catalog check, macros, hook, exports, audit) | {a:.2f} | {pages} |",
            f"| Floor: same pages as static Markdown, plain mkdocs-material | {f:.2f} | {len(list((work / 'floor-site').rglob('index.html')))} |",
            f"| **Ratio** (goal ≤ 1.25) | **{a / f:.2f}** | |", ""]


def tool_page_sizes(site: Path) -> list[int]:
    return [p.stat().st_size for p in (site / "tools").glob("*/index.html")]


SCALE_RUNS = min(RUNS, 3)  # a 5,000-tool build takes about a minute


def scale(work: Path) -> list[str]:
    sizes_built = (1000, 5000)
    catalogs = {n: generate(n, work / f"catalog-{n}") for n in sizes_built}
    timings: dict[int, list[float]] = {n: [] for n in sizes_built}
    peaks: dict[int, int] = {n: 0 for n in sizes_built}
    for _ in range(SCALE_RUNS):  # alternate, so drift in machine load hits both sizes
        for n in sizes_built:
            seconds, peak = build(ROOT / "mkdocs.yml", work / f"site-{n}", catalogs[n])
            timings[n].append(seconds)
            peaks[n] = max(peaks[n], peak)
    rows, results = [], {}
    for n in sizes_built:
        seconds, peak = statistics.median(timings[n]), peaks[n]
        site = work / f"site-{n}"
        sizes = tool_page_sizes(site)
        results[n] = (seconds, peak, folder_size(site), max(sizes), statistics.median(sizes),
                      (site / "index.html").stat().st_size, (site / "glossary" / "index.html").stat().st_size)
        rows.append(f"| {n:,} | {seconds:.1f} | {peak / 1024:.0f} | {results[n][2] / 1e6:.1f} | {results[n][4] / 1e3:.1f} / {results[n][3] / 1e3:.1f} "
                    f"| {results[n][5] / 1e3:.1f} | {results[n][6] / 1e3:.1f} |")
    ratio = results[5000][0] / results[1000][0]
    return ["## Scale (synthetic catalogs)", "",
            f"| Tools | Build (s, median of {SCALE_RUNS}) | Peak memory (MiB, highest) | Site size (MB) | Tool page median / max (KB) | Home page (KB) | Glossary page (KB) |",
            "| --- | --- | --- | --- | --- | --- | --- |", *rows,
            f"| **time(5,000) / time(1,000)** (goal ≤ 5.5) | **{ratio:.2f}** | | | | | |", "",
            "Tool, glossary and learning pages do not list tools, so their size must not grow with the catalog; "
            "category, map, reach and compare pages list tools and do.", ""]


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def validation(work: Path) -> list[str]:
    catalog = generate(10_000, work / "catalog-10000")
    files = sorted((catalog / "tools").glob("*.yaml"))
    parse = ("import sys, yaml, pathlib\nfor p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
             "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n")
    commands = {"check": [PY, "-m", "atlas", "check", str(catalog), "--no-format"],
                "parse": [PY, "-c", parse, str(catalog / "tools")]}
    for command in commands.values():  # warm-up: the first read of 10,000 fresh files measures the disk
        _timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):  # alternate, so drift in machine load hits both sides
        for name, command in commands.items():
            times[name].append(_timed(command))
    check, parse_time = statistics.median(times["check"]), statistics.median(times["parse"])
    with_format = _timed([PY, "-m", "atlas", "check", str(catalog)])
    return ["## Validation (10,000 entries)", "", f"| Step | Seconds (median of {RUNS}) |", "| --- | --- |",
            f"| `atlas check --no-format` (load, schema, cross-file rules) on {len(files):,} files | {check:.2f} |",
            f"| Parsing only, PyYAML CSafeLoader | {parse_time:.2f} |",
            f"| **Ratio** (goal ≤ 2) | **{check / parse_time:.2f}** |",
            f"| `atlas check` including the ATL220 layout lint (ruamel round trip per file; one run) | {with_format:.2f} |", ""]


def page_weight(site: Path) -> list[str]:
    pages = {"Home": "index.html", "Category (model monitoring)": "categories/model-monitoring/index.html",
             "Tool (MLflow)": "tools/mlflow/index.html", "Compare": "compare/index.html", "Map": "map/index.html",
             "Reach matrix": "reach/index.html", "Learning step": "learning-path/track-experiments/index.html"}
    rows = [f"| {label} | {(site / path).stat().st_size / 1e3:.1f} |" for label, path in pages.items()]
    tools = tool_page_sizes(site)
    own = sum((ROOT / "docs" / "assets" / f).stat().st_size for f in ("atlas.js", "atlas.css"))
    index = site / "search" / "search_index.json"
    return ["## Page weight (real catalog)", "", "| Page | HTML (KB) |", "| --- | --- |", *rows,
            f"| Largest tool page (goal < 60 KB) | {max(tools) / 1e3:.1f} |", "",
            f"JavaScript and CSS the Atlas adds to the theme: {own / 1e3:.1f} KB (atlas.js + atlas.css, unminified). "
            f"Search index: {index.stat().st_size / 1e6:.2f} MB.", ""]


CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"


COMPRESSED_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".yml")


def serve(folder: Path):
    """A quiet static server for `folder` on a free loopback port: (server, base URL).

    Like GitHub Pages, where the site is published, it sends text files gzip-compressed to browsers
    that accept it, so page-load measurements see the bytes readers download."""
    import functools
    import gzip
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            target = Path(self.translate_path(self.path))
            if self.path.split("?")[0].endswith("/") and target.is_dir():
                target = target / "index.html"
            if "gzip" not in self.headers.get("Accept-Encoding", "") or not target.is_file() \
                    or not target.name.endswith(COMPRESSED_SUFFIXES):
                return super().do_GET()
            body = gzip.compress(target.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(target)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], ConnectionError):  # a page closed mid-download is not a failure
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser(site: Path, big_site: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        server, base = serve(site)
        for label, path, ready in [("Home", "", "h1"), ("Category with table", "categories/model-monitoring/", ".atlas-table-count"),
                                   ("Compare (3 tools)", "compare/?tools=mlflow,wandb,clearml", "table.atlas-side-by-side")]:
            fcp, interactive = [], []
            for _ in range(RUNS):
                page = b.new_page()
                page.goto(base + path)
                page.wait_for_selector(ready)
                fcp.append(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime || 0"))
                interactive.append(page.evaluate("performance.now()"))
                page.close()
            rows.append(f"| {label} | {statistics.median(fcp):.0f} | {statistics.median(interactive):.0f} |")
        server.shutdown()
        server, base = serve(big_site)
        page = b.new_page()
        page.goto(base + "categories/model-monitoring/")
        page.wait_for_selector(".atlas-table-count")
        count = page.locator("table.atlas-compare tbody tr").count()
        filter_ms = []
        for query in ("synthetic 0004", "drift", "", "synthetic 01", ""):
            filter_ms.append(page.evaluate("""(q) => { const input = document.querySelector('.atlas-table-controls input[name=q]');
                const t0 = performance.now(); input.value = q; input.dispatchEvent(new Event('input', {bubbles: true}));
                document.body.offsetHeight; return performance.now() - t0; }""", query))
        page.close()
        server.shutdown()
        b.close()
    return ["## Browser (Debian Chromium, headless)", "", "| Page | First contentful paint (ms) | Ready for input (ms) |",
            "| --- | --- | --- |", *rows, "",
            f"Filtering a {count:,}-row comparison table (type a query, apply, lay out): median "
            f"{statistics.median(filter_ms):.1f} ms, worst {max(filter_ms):.1f} ms over {len(filter_ms)} queries.", ""]


LIGHTHOUSE_PAGES = {"Home": "", "Category with table": "categories/model-monitoring/", "Tool (MLflow)": "tools/mlflow/",
                    "Compare (3 tools)": "compare/?tools=mlflow,wandb,clearml", "Landscape map": "map/"}


def lighthouse(site: Path) -> list[str]:
    """Lighthouse 12.2.3 (bench/lighthouse, installed by `make bench`) in Debian's Chromium: its default
    mobile profile with simulated throttling, performance and accessibility categories, one run per page."""
    rows = []
    server, base = serve(site)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for label, path in LIGHTHOUSE_PAGES.items():
                report = Path(tmp) / "report.json"
                subprocess.run(["node", str(LIGHTHOUSE), base + path, "--quiet", "--output=json", f"--output-path={report}",
                                "--only-categories=performance,accessibility",
                                "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                               env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=300)
                data = json.loads(report.read_text(encoding="utf-8"))
                scores = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
                fcp = data["audits"]["first-contentful-paint"]["displayValue"]
                rows.append(f"| {label} | {scores['performance']} | {scores['accessibility']} | {fcp} |")
    finally:
        server.shutdown()
    return ["## Lighthouse 12.2.3 (mobile profile, simulated slow 4G)", "",
            "| Page | Performance | Accessibility | First contentful paint |", "| --- | --- | --- | --- |", *rows, "",
            "Served gzip-compressed from loopback, as GitHub Pages serves the published site; scores vary by a few "
            "points from run to run.", ""]


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), 0)
    mkdocs = subprocess.run([PY, "-m", "mkdocs", "--version"], capture_output=True, text=True, env=ENV).stdout.strip()
    return [f"Machine: {platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), {mem / 1024 / 1024:.1f} GiB RAM, "
            f"Python {platform.python_version()}; {mkdocs.split(' from ')[0]}.", ""]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report = ["# Benchmarks", "", "Written by `make bench` (bench/run.py); do not edit by hand. "
                  "Timings are medians on the machine below; compare runs on the same machine.", ""] + machine()
        report += build_overhead(work)
        report += page_weight(work / "atlas-site")
        report += scale(work)
        report += validation(work)
        # 1,250 tools in all, so the one category holds over 1,000 rows (real entries keep their own homes).
        big = generate(1250, work / "catalog-one-category", one_category="model-monitoring")
        build(ROOT / "mkdocs.yml", work / "site-one-category", big)
        report += browser(work / "atlas-site", work / "site-one-category")
        report += lighthouse(work / "atlas-site")
    text = "\n".join(report)
    print(text)
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
