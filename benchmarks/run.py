"""Measure what readers and contributors wait for, and write ``benchmarks/REPORT.md`` and
``benchmarks/report.json``.

    uv run python benchmarks/run.py              # everything (about 10 minutes on 2 cores)
    uv run python benchmarks/run.py --skip-cold-cache --skip-tests

Figures: set-up time (``uv sync`` into a fresh environment, with the uv cache warm and, unless
skipped, with an empty cache), cold and warm build time, ``mkdocs serve`` edit-to-reload time
(a text page, then a tutorial), full test time, each tutorial's and each snippet's run time,
page weight, and Lighthouse scores (desktop) for four kinds of page. Nothing here is a test:
the numbers depend on the machine, so they are reported, not asserted.

The builds and ``mkdocs serve`` run on a copy of the repository in a temporary folder, so the
edits they time never touch your files and the caches start empty.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
)
# One page of each kind; Lighthouse and the page-weight table use these.
PAGES = {
    "home": "",
    "text page (concept)": "concepts/what-is-machine-learning/",
    "tutorial page": "tutorials/digits/",
    "API page": "reference/",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
RELOAD_TARGET_S = 3.0
TEXT_PAGE_TARGET_KB = 300
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "UV_PYTHON_DOWNLOADS": "never"}


def timed(command: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed, result


def copy_of_repository(destination: Path) -> Path:
    """The tracked files (and the working copies of them) in ``destination``: no caches."""
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def site_path() -> str:
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlparse(line.split(":", 1)[1].strip()).path or "/"
    return "/"


# ---------------------------------------------------------------- set-up
def setup_time(work: Path, cold_cache: bool) -> dict:
    results = {}
    for label, cache in [("warm uv cache", None), ("empty uv cache", work / "uv-cache")][
        : 2 if cold_cache else 1
    ]:
        env = {**ENV, "UV_PROJECT_ENVIRONMENT": str(work / f"venv-{len(results)}")}
        if cache:
            env["UV_CACHE_DIR"] = str(cache)
        seconds, _ = timed(["uv", "sync", "--locked", "--quiet"], cwd=ROOT, env=env)
        results[label] = round(seconds, 1)
        shutil.rmtree(work / f"venv-{len(results) - 1}", ignore_errors=True)
        if cache:
            shutil.rmtree(cache, ignore_errors=True)
    return results


# ---------------------------------------------------------------- builds
def build_times(copy: Path, site: Path) -> dict:
    build = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-f",
        str(copy / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    env = {k: v for k, v in ENV.items() if k != "MPLBACKEND"}
    cold, _ = timed(build, cwd=copy, env={**env, "NOTEBOOK_CACHE": "false"})
    # The warm build fills mkdocs-jupyter's cache first (a first cached build executes again).
    timed(build, cwd=copy, env=env)
    warm, _ = timed(build, cwd=copy, env=env)
    return {
        "cold (no cache, notebooks executed, figures drawn)": round(cold, 1),
        "warm (notebook and figure caches)": round(warm, 1),
    }


# ---------------------------------------------------------------- mkdocs serve
def edit_to_reload(copy: Path, dirty: bool) -> dict:
    """Start ``mkdocs serve``, change a page, and time until the served page shows the change."""
    port = free_port()
    # mkdocs serve serves the site under the path of site_url (/guide/ for GitHub Pages).
    base = f"http://127.0.0.1:{port}{site_path()}"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(copy / "mkdocs.yml"),
    ]
    if dirty:
        command.append("--dirty")
    env = {k: v for k, v in ENV.items() if k != "MPLBACKEND"}
    log = open(copy / f"serve-{int(dirty)}.log", "w")
    cached = any((copy / ".cache" / "mkdocs-jupyter").glob("*.json"))
    server = subprocess.Popen(command, cwd=copy, env=env, stdout=log, stderr=subprocess.STDOUT)
    results = {}
    try:
        start = time.perf_counter()
        while fetch(base) is None:
            if time.perf_counter() - start > 600 or server.poll() is not None:
                raise SystemExit(f"mkdocs serve did not start; see {log.name}")
            time.sleep(0.2)
        cache = "warm notebook cache" if cached else "empty notebook cache: tutorials executed"
        results[f"first start ({cache})"] = round(time.perf_counter() - start, 1)
        time.sleep(2)  # let the watcher settle
        edits = {
            "a text page edited": (
                "docs/concepts/what-is-machine-learning.md",
                "concepts/what-is-machine-learning/",
                "\nBenchmark marker {marker}.\n",
            ),
            "a tutorial edited (re-executed)": (
                "docs/tutorials/digits.py",
                "tutorials/digits/",
                "\n# %% [markdown]\n# Benchmark marker {marker}.\n",
            ),
        }
        for label, (source, page, addition) in edits.items():
            marker = f"m{time.time_ns()}"
            path = copy / source
            original = path.read_text(encoding="utf-8")
            start = time.perf_counter()
            path.write_text(original + addition.format(marker=marker), encoding="utf-8")
            while marker not in (fetch(base + page) or ""):
                if time.perf_counter() - start > 300:
                    raise SystemExit(f"mkdocs serve never showed the edit of {source}")
                time.sleep(0.05)
            results[label] = round(time.perf_counter() - start, 2)
            path.write_text(original, encoding="utf-8")
            time.sleep(1)
            while marker in (fetch(base + page) or marker):  # wait for the revert to be served
                time.sleep(0.1)
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return results


# ---------------------------------------------------------------- code
def tutorial_times() -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from site_tools.notebooks import execute_tutorial

    times = {}
    for tutorial in sorted((ROOT / "docs" / "tutorials").glob("*.py")):
        start = time.perf_counter()
        execute_tutorial(tutorial)
        times[tutorial.relative_to(ROOT).as_posix()] = round(time.perf_counter() - start, 1)
    return times


def snippet_times() -> dict:
    times = {}
    env = {**ENV, "MPLBACKEND": "Agg", "KERAS_BACKEND": "jax"}
    with tempfile.TemporaryDirectory() as scratch:
        for snippet in sorted((ROOT / "snippets").rglob("*.py")):
            seconds, _ = timed([sys.executable, str(snippet)], cwd=scratch, env=env)
            times[snippet.relative_to(ROOT).as_posix()] = round(seconds, 2)
    return times


def test_times(work: Path) -> dict:
    junit = work / "junit.xml"
    seconds, result = timed(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={junit}",
            "-o",
            "junit_duration_report=call",
        ],
        cwd=ROOT,
        env=ENV,
    )
    import xml.etree.ElementTree as ET

    cases = ET.parse(junit).getroot().iter("testcase")
    browser = sum(float(case.get("time", 0)) for case in cases if ".browser." in case.get("classname", ""))
    summary = result.stdout.strip().splitlines()[-1]
    return {
        "full suite (s)": round(seconds, 1),
        "browser and accessibility tests, test calls only (s)": round(browser, 1),
        "pytest summary": summary,
    }


# ---------------------------------------------------------------- pages
def page_weights(site: Path) -> dict:
    weights = {}
    for kind, page in PAGES.items():
        html = (site / page / "index.html").stat().st_size
        weights[kind] = {"html_kb": round(html / 1024, 1)}
    text_pages = [
        p for p in site.rglob("index.html") if "tutorials" not in p.parts and "reference" not in p.parts
    ]
    weights["largest text page html"] = {
        "page": max(text_pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix() or "home",
        "html_kb": round(max(p.stat().st_size for p in text_pages) / 1024, 1),
    }
    return weights


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ipynb", ".py"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as GitHub Pages and most
    static hosts send them (``python -m http.server`` sends everything uncompressed)."""

    def send_head(self):  # noqa: ANN201 - http.server's own signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def lighthouse(site: Path, work: Path) -> dict:
    if not LIGHTHOUSE.exists():
        return {"skipped": "node_modules/.bin/lighthouse missing: run `npm ci` (it is a dev dependency)"}
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    results = {}
    try:
        for kind, page in PAGES.items():
            output = work / f"lighthouse-{len(results)}.json"
            timed(
                [
                    str(LIGHTHOUSE),
                    f"http://127.0.0.1:{port}/{page}",
                    "--output=json",
                    f"--output-path={output}",
                    "--quiet",
                    "--preset=desktop",
                    f"--chrome-flags={CHROME_FLAGS}",
                ],
                env={**ENV, "CHROME_PATH": CHROMIUM},
            )
            report = json.loads(output.read_text(encoding="utf-8"))
            requests = report["audits"]["network-requests"]["details"]["items"]
            results[kind] = {
                **{key: round(category["score"] * 100) for key, category in report["categories"].items()},
                "transferred_kb": round(report["audits"]["total-byte-weight"]["numericValue"] / 1024, 1),
                "uncompressed_kb": round(sum(item.get("resourceSize") or 0 for item in requests) / 1024, 1),
                "failing audits": sorted(
                    ref["id"]
                    for category in report["categories"].values()
                    for ref in category["auditRefs"]
                    if ref["weight"] > 0 and (report["audits"][ref["id"]].get("score") or 0) < 0.9
                ),
            }
    finally:
        server.shutdown()
    return results


# ---------------------------------------------------------------- report
def mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write_report(data: dict) -> None:
    (HERE / "report.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Performance figures",
        "",
        f"Measured {data['measured']} on {data['machine']} by `uv run python benchmarks/run.py`.",
        "Numbers depend on the machine and its load; the script reports them, it does not assert them.",
        "",
    ]
    if "setup" in data:
        lines += [
            "## Set-up: `uv sync --locked` into a fresh environment",
            "",
            "| uv cache | seconds |",
            "| --- | ---: |",
        ]
        lines += [f"| {label} | {seconds} |" for label, seconds in data["setup"].items()]
        lines += [""]
    lines += ["## Build: `mkdocs build --strict`", "", "| build | seconds |", "| --- | ---: |"]
    lines += [f"| {label} | {seconds} |" for label, seconds in data["build"].items()] + [""]
    lines += [
        "## Edit to reload in `mkdocs serve`",
        "",
        "Time from saving a file to the served page showing the change "
        f"(target < {RELOAD_TARGET_S} s for a text page, every tutorial on)"
        + (f"; measured {data['serve measured']}." if "serve measured" in data else "."),
        "",
        "| mode | change | seconds | target |",
        "| --- | --- | ---: | --- |",
    ]
    for mode, figures in data["serve"].items():
        for label, seconds in figures.items():
            target = mark(seconds < RELOAD_TARGET_S) if label == "a text page edited" else ""
            lines.append(f"| {mode} | {label} | {seconds} | {target} |")
    lines += [""]
    if "tests" in data:
        lines += ["## Tests: `uv run pytest`", "", "| what | value |", "| --- | --- |"]
        lines += [f"| {label} | {value} |" for label, value in data["tests"].items()] + [""]
    lines += [
        "## Tutorials (executed in a fresh kernel, as the tests do)",
        "",
        "| tutorial | seconds |",
        "| --- | ---: |",
    ]
    lines += [f"| `{name}` | {seconds} |" for name, seconds in data["tutorials"].items()] + [""]
    lines += [
        "## Snippets (`python <snippet>` in a fresh interpreter, imports included)",
        "",
        "| snippet | seconds |",
        "| --- | ---: |",
    ]
    lines += [f"| `{name}` | {seconds} |" for name, seconds in data["snippets"].items()] + [""]
    lines += [
        "## Page weight",
        "",
        "The HTML file of each kind of page, uncompressed. The target for a text page "
        f"(< {TEXT_PAGE_TARGET_KB} KB) counts everything the page loads: see the Lighthouse table below.",
        "",
        "| page | HTML KB |",
        "| --- | ---: |",
    ]
    for kind, figures in data["weights"].items():
        lines.append(
            f"| {kind}{' (' + figures['page'] + ')' if 'page' in figures else ''} | {figures['html_kb']} |"
        )
    lines += [""]
    lh = data["lighthouse"]
    lines += ["## Lighthouse (desktop preset)", ""]
    if "skipped" in lh:
        lines += [lh["skipped"], ""]
    else:
        lines += [
            "| page | performance | accessibility | best practices | SEO | KB transferred (gzip) "
            "| KB uncompressed | audits below 90 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for kind, scores in lh.items():
            lines.append(
                f"| {kind} | {scores['performance']} | {scores['accessibility']} | "
                f"{scores['best-practices']} | "
                f"{scores['seo']} | {scores['transferred_kb']} | {scores['uncompressed_kb']} | "
                f"{', '.join(scores['failing audits']) or '-'} |"
            )
        met = all(scores[key] >= target for scores in lh.values() for key, target in TARGETS.items())
        text_kb = lh["text page (concept)"]["transferred_kb"]
        lines += [
            "",
            f"Targets (performance >= 95; accessibility, best practices, SEO 100): {mark(met)}. "
            f"Text page, everything it loads, as transferred: {text_kb} KB (< {TEXT_PAGE_TARGET_KB} KB): "
            f"{mark(text_kb < TEXT_PAGE_TARGET_KB)}.",
            "",
        ]
    lines += [data["notes"], ""]
    (HERE / "REPORT.md").write_text("\n".join(lines), encoding="utf-8")


NOTES = """## Notes

- **Set-up** creates a new environment with `UV_PROJECT_ENVIRONMENT` pointing at a temporary
  folder. "Warm" reuses the machine's uv cache (what a contributor sees after the first time);
  "empty" gives uv a new, empty cache folder, so every package is downloaded again.
- **Cold build** is what CI does: `NOTEBOOK_CACHE=false` and empty `.cache/` (a fresh copy of the
  repository), so every tutorial runs and every figure is drawn.
- **mkdocs serve** rebuilds the whole site on every change (MkDocs 1.6); a tutorial is not
  re-executed unless its own file changed, because mkdocs-jupyter keys its cache on the
  notebook's text, and figures are cached by `hooks/figures.py` under a hash of the snippet.
  So editing a text page reloads in about the time of a warm build, with every tutorial on,
  while editing a tutorial costs one execution of that tutorial. `--dirty` rebuilds only the
  changed page. A change in `src/tutorials_lib` does not re-execute cached tutorials in
  `mkdocs serve`; CI builds without the cache. Undoing a tutorial edit executes it once more:
  mkdocs-jupyter evicts the cache entries the last build did not use. The tutorial pages'
  accessibility pass (alt text) is cached in the serve process too, so it costs nothing on
  a rebuild.
- **Set-up**: uv does not compile bytecode by default, so the first `mkdocs` start in a new
  environment spends a few seconds compiling; `uv sync --compile-bytecode` moves that cost
  into the set-up.
- **Page weight**: Lighthouse loads the pages from a small server in this script that gzips
  text files, as GitHub Pages and most static hosts do; "KB uncompressed" is the same files
  before compression (what `python -m http.server` would send). The HTML table above is
  uncompressed too. Tutorial pages are heavier because their figures are embedded as PNG
  data in the HTML and mkdocs-jupyter inlines JupyterLab's stylesheet (about 560 KB) into
  every notebook page.
- **Offline mode**: Material's `offline` plugin is left off. It exists for opening the site
  from `file://`, where it disables instant navigation and replaces the search worker; served
  over HTTP (locally with `mkdocs serve`, or from any static host) the site already needs no
  network: the browser tests abort and fail any request to a host other than 127.0.0.1."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-cold-cache", action="store_true", help="do not time uv sync with an empty cache"
    )
    parser.add_argument("--skip-setup", action="store_true", help="do not time uv sync at all")
    parser.add_argument("--skip-tests", action="store_true", help="do not time the full test suite")
    parser.add_argument(
        "--only-serve",
        action="store_true",
        help="re-measure mkdocs serve only, keeping report.json's other figures",
    )
    args = parser.parse_args()
    if args.only_serve:
        data = json.loads((HERE / "report.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="benchmark-") as scratch:
            copy = copy_of_repository(Path(scratch) / "repo")
            data["serve"] = {
                "mkdocs serve": edit_to_reload(copy, dirty=False),
                "mkdocs serve --dirty": edit_to_reload(copy, dirty=True),
            }
        data["serve measured"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        write_report(data)
        print((HERE / "REPORT.md").read_text(encoding="utf-8"))
        return

    data: dict = {
        "measured": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }
    with tempfile.TemporaryDirectory(prefix="benchmark-") as scratch:
        work = Path(scratch)
        if not args.skip_setup:
            print("set-up...", flush=True)
            data["setup"] = setup_time(work, cold_cache=not args.skip_cold_cache)
            print(data["setup"], flush=True)
        copy = copy_of_repository(work / "repo")
        site = work / "site"
        print("builds...", flush=True)
        data["build"] = build_times(copy, site)
        print(data["build"], flush=True)
        print("mkdocs serve...", flush=True)
        data["serve"] = {
            "mkdocs serve": edit_to_reload(copy, dirty=False),
            "mkdocs serve --dirty": edit_to_reload(copy, dirty=True),
        }
        print(data["serve"], flush=True)
        print("page weight and Lighthouse...", flush=True)
        data["weights"] = page_weights(site)
        data["lighthouse"] = lighthouse(site, work)
        print(data["weights"], data["lighthouse"], flush=True)
        print("tutorials and snippets...", flush=True)
        data["tutorials"] = tutorial_times()
        data["snippets"] = snippet_times()
        print(data["tutorials"], data["snippets"], flush=True)
        if not args.skip_tests:
            print("full test suite...", flush=True)
            data["tests"] = test_times(work)
    data["notes"] = NOTES
    write_report(data)
    print((HERE / "REPORT.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
