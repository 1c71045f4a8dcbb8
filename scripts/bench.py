"""make bench: what the build costs against two peers, and what a reader's browser gets.

Build, at k = 1 and k = 10 (k copies of the notes, every key, name and tag renamed per copy:
scripts/scale_project.py), three sides built from the same pages:

  ours    the project as it is: the hooks and mkdocs-bibtex with the notes' registry (strict)
  plain   plain Material: the hooks and the bibtex plugin removed from mkdocs.yml
  stock   the stock peer: the hooks removed, mkdocs-bibtex as shipped (only bib_file set: its own
          registry parses references.bib, its default footnotes), what an author pays using
          mkdocs-bibtex plainly

The peers leave the shortcodes (<!-- md:… -->) as comments and lack the generated pages, so
they build non-strict. Every build is the first build of a fresh copy (no __pycache__, no site
dir), as CI and a new machine find it. Instructions are Valgrind's count of one such build of
each side, a figure the load of the shared machine does not move; seconds, which it does, are
the median of three builds of each side, the sides taking turns to go first.

Goal, by instructions: at k = 10 ours costs no more than stock, and at k = 1 within 10 % of it.

Site: Lighthouse 12.2.3 (mobile preset) once on the home page and every talk page, served with
gzip as a static host serves them: page weight (Lighthouse's total-byte-weight: what the page
fetched while loading) and the four category scores.

    make bench                                      # all of it; writes BENCHMARKS.md
    .venv/bin/python scripts/bench.py --build-only  # the build table only; writes nothing
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_project  # noqa: E402
from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from builds import MKDOCS, ROOT  # noqa: E402

SCALES = (1, 10)
SIDES = ("ours", "plain", "stock")
RUNS = 3
GOAL = {1: 1.10, 10: 1.00}  # ours / stock, in instructions, at most
VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REPORT = ROOT / "BENCHMARKS.md"


# --- the three sides ---------------------------------------------------------------------------

def peer_config(config: str, side: str) -> str:
    """mkdocs.yml of a peer: no hooks; plain drops the bibtex plugin, stock keeps it as shipped."""
    config, hooks = re.subn(r"^hooks:\n(?:[ \t]+- .*\n)+", "", config, flags=re.M)
    bibtex = "" if side == "plain" else r"\1- bibtex:\n\1    bib_file: references.bib\n"
    config, plugins = re.subn(r"^([ \t]+)- bibtex:\n(?:\1[ \t]+.*\n)+", bibtex, config, flags=re.M)
    assert hooks == plugins == 1, "mkdocs.yml: no hooks: list or no bibtex plugin to take out"
    return config


def sides(k: int, workdir: Path) -> dict[str, Path]:
    """The source of each side at scale k (built from fresh copies of it, never itself)."""
    ours = scale_project.scale(workdir / f"k{k}-ours", k)
    out = {"ours": ours}
    for side in SIDES[1:]:
        out[side] = workdir / f"k{k}-{side}"
        shutil.copytree(ours, out[side])
        config = out[side] / "mkdocs.yml"
        config.write_text(peer_config(config.read_text(encoding="utf-8"), side), encoding="utf-8")
    return out


def build_command(side: str, site: Path) -> list[str]:
    return MKDOCS + ["build", "--strict" if side == "ours" else "--no-strict", "--quiet", "--site-dir", str(site)]


def environ() -> dict[str, str]:
    # A build writes __pycache__ as on any machine; a fixed hash seed keeps set order, and so
    # the work, the same from run to run.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def fresh(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def check(proc: subprocess.CompletedProcess | subprocess.Popen, what: str, output: str) -> None:
    if proc.returncode:
        raise SystemExit(f"{what} failed:\n{output[-3000:]}")


def seconds(side: str, source: Path, workdir: Path) -> float:
    """Wall time of the first build of a fresh copy."""
    project = fresh(source, workdir / "timed")
    start = time.perf_counter()
    proc = subprocess.run(build_command(side, workdir / "timed-site"), cwd=project, env=environ(),
                          capture_output=True, text=True)
    took = time.perf_counter() - start
    check(proc, f"build of {source.name}", proc.stderr)
    shutil.rmtree(workdir / "timed-site")
    return took


def instructions(sources: dict[str, Path], workdir: Path) -> dict[str, int]:
    """Valgrind's instruction count of the first build of a fresh copy of each side, side by side
    (the count does not depend on what else runs)."""
    running = {}
    for side, source in sources.items():
        project = fresh(source, workdir / f"counted-{side}")
        log = tempfile.TemporaryFile()
        running[side] = (log, subprocess.Popen(VALGRIND + build_command(side, workdir / f"counted-{side}-site"),
                                               cwd=project, env=environ(), stdout=log, stderr=subprocess.STDOUT))
    counts = {}
    for side, (log, proc) in running.items():
        proc.wait()
        log.seek(0)
        output = log.read().decode(errors="replace")
        check(proc, f"counted build of {sources[side].name}", output)
        counts[side] = int(re.search(r"I\s+refs:\s+([\d,]+)", output).group(1).replace(",", ""))
    return counts


def measure(k: int, workdir: Path) -> dict:
    sources = sides(k, workdir)
    print(f"k = {k}: counting instructions (one build of each side under Valgrind)…", flush=True)
    counted = instructions(sources, workdir)
    print(f"k = {k}: timing {RUNS} builds of each side, in turn…", flush=True)
    timed: dict[str, list[float]] = {side: [] for side in SIDES}
    for run in range(RUNS):
        for side in SIDES[run % 3:] + SIDES[:run % 3]:  # each side goes first in turn
            timed[side].append(seconds(side, sources[side], workdir))
    talks = len([p for p in sources["ours"].glob("docs/*/*.md") if p.name != "index.md"])
    return {"k": k, "talks": talks, "instructions": counted,
            "seconds": {side: statistics.median(times) for side, times in timed.items()}}


def build_report(rows: list[dict]) -> list[str]:
    lines = [
        f"| k | talks | instructions, ours / plain / stock | ours / stock | seconds (median of {RUNS}), "
        "ours / plain / stock | ours / stock |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        n, s = row["instructions"], row["seconds"]
        lines.append(f"| {row['k']} | {row['talks']} | " + " / ".join(f"{n[x] / 1e9:.2f} G" for x in SIDES)
                     + f" | **{n['ours'] / n['stock']:.3f}** | " + " / ".join(f"{s[x]:.2f}" for x in SIDES)
                     + f" | {s['ours'] / s['stock']:.2f} |")
    verdicts = [(row["k"], row["instructions"]["ours"] / row["instructions"]["stock"]) for row in rows]
    met = all(ratio <= GOAL[k] for k, ratio in verdicts)
    lines += ["", "Goal (instructions, ours / stock): " + "; ".join(
        f"k = {k}: {ratio:.3f}, at most {GOAL[k]:.2f}, {'met' if ratio <= GOAL[k] else 'NOT met'}"
        for k, ratio in verdicts) + f". Verdict: **{'met' if met else 'NOT met'}**."]
    return lines


# --- the site in a browser ---------------------------------------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host with gzip on (GitHub Pages, Netlify, nginx): text types go compressed."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        compress = kind.startswith(("text/", "application/javascript", "application/json", "image/svg+xml"))
        if not (path.is_file() and compress and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse(url: str) -> dict[str, float]:
    """One Lighthouse run in Debian's Chromium: the category scores (0-100) and the page weight."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        proc = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
            env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300)
        check(proc, f"lighthouse on {url}", proc.stderr)
        result = json.loads(report.read_text())
    scores = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}
    return scores | {"bytes": result["audits"]["total-byte-weight"]["numericValue"]}


def site_report(workdir: Path) -> list[str]:
    site = workdir / "site"
    proc = subprocess.run(MKDOCS + ["build", "--strict", "--quiet", "--site-dir", str(site)], cwd=ROOT,
                          env=environ(), capture_output=True, text=True)
    check(proc, "build of the site", proc.stderr)
    talks = json.loads((site / "talks.json").read_text(encoding="utf-8"))["talks"]
    paths = ["/", "/papers/"] + [urlsplit(talk["url"]).path for talk in talks]  # Papers: the longest list
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    lines = ["| page | page weight | " + " | ".join(CATEGORIES) + " |", "|---|---|" + "---|" * len(CATEGORIES)]
    try:
        for path in paths:
            print(f"lighthouse {path}", flush=True)
            found = lighthouse(f"http://127.0.0.1:{server.server_address[1]}{path}")
            lines.append(f"| {path} | {found['bytes'] / 1024:.1f} KB | "
                         + " | ".join(str(found[name]) for name in CATEGORIES) + " |")
    finally:
        server.shutdown()
    return lines


def write_report(built: list[str], pages: list[str]) -> list[str]:
    """BENCHMARKS.md from the two tables."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    report = [
        "# Benchmarks", "",
        f"`make bench` (scripts/bench.py) on {datetime.date.today().isoformat()}, at commit "
        f"{commit.stdout.strip() or '?'}, on a 2-core machine shared with other work.", "",
        "## Build", "",
        "Ours: the project as it is (hooks + mkdocs-bibtex with the notes' registry), strict. Plain: plain "
        "Material, the hooks and the bibtex plugin removed from mkdocs.yml. Stock: the hooks removed and "
        "mkdocs-bibtex as shipped (only `bib_file` set: it parses references.bib itself and formats its "
        "default footnotes). The peers build the same pages non-strict, their shortcodes left as comments "
        "and without the generated pages. k: copies of the notes (scripts/scale_project.py; every key, "
        "name and tag renamed per copy). Every build is the first of a fresh copy. Instructions: "
        "Valgrind's count of one build of each, which the machine's load does not move; seconds it does.",
        "", *built, "",
        "## Pages: Lighthouse 12.2.3, mobile preset, served with gzip, one run each", "",
        "Page weight is Lighthouse's total-byte-weight: the bytes the page fetched while loading, without "
        "scrolling (slides are lazy images: those far below the first screen wait for a scroll; the search "
        "index waits for search's first use).", "",
        *pages,
    ]
    REPORT.write_text("\n".join(report) + "\n", encoding="utf-8")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-only", action="store_true", help="the build table only; BENCHMARKS.md untouched")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("bench: valgrind is missing (make bench installs it)")
    with tempfile.TemporaryDirectory(prefix="summit-bench-") as tmp:
        built = build_report([measure(k, Path(tmp)) for k in SCALES])
        print("\n" + "\n".join(built), flush=True)
        if args.build_only:
            return
        pages = site_report(Path(tmp))
    report = write_report(built, pages)
    print("\n" + "\n".join(report[-len(pages):]) + f"\n\nwritten to {REPORT.name}")


if __name__ == "__main__":
    main()
