"""Where the build's time goes: each MkDocs event and plugin, ours against plain Material.

Not a benchmark with a goal (that is scripts/bench.py): a map for whoever wants to make the
build faster. Each build runs in its own process, ours and the plain-Material copy in turn
(scripts/bench_build.plain_material_copy), on a scaled copy of the notes (scale_project.py);
the figures are the median CPU-clock seconds of each part over the runs.

    .venv/bin/python scripts/profile_build.py            # k = 10, 3 runs each
    .venv/bin/python scripts/profile_build.py --k 1 --runs 5

Parts: "event:plugin" is one plugin's handler of one event (hooks/pipeline.py is ours; search
is Material's search plugin, which parses every page's HTML); "markdown: talk pages" and
"markdown: other pages" are Python-Markdown converting pages (Page.render), "templates" the
theme rendering each page without its event handlers; "startup" is importing MkDocs and loading
the configuration's plugins up to the build.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_build  # noqa: E402
import scale_project  # noqa: E402


def profile_this_process(project: Path, site: Path) -> dict[str, float]:
    """One strict build in this process, timed part by part (CPU clock of this process)."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(project)
    clock = time.process_time
    start = clock()
    from mkdocs import plugins
    from mkdocs.__main__ import cli
    from mkdocs.commands import build
    from mkdocs.structure import pages

    parts: Counter[str] = Counter()
    events = plugins.PluginCollection.run_event

    def run_event(self, name, item=None, **kwargs):
        if "startup" not in parts:  # the first event: MkDocs imported, configuration loaded
            parts["startup"] = clock() - start
        # As MkDocs' own run_event does, with each handler timed.
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            began = clock()
            result = method(item, **kwargs) if item is not None else method(**kwargs)
            parts[f"{name}:{self._current_plugin}"] += clock() - began
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    render = pages.Page.render

    def timed_render(page, config, files):
        began = clock()
        render(page, config, files)
        src_uri = page.file.src_uri  # a talk page is <section>/<talk>.md
        kind = "talk pages" if src_uri.count("/") == 1 and not src_uri.endswith("/index.md") else "other pages"
        parts[f"markdown: {kind}"] += clock() - began

    build_page = build._build_page

    def timed_build_page(*args, **kwargs):
        began = clock()
        handlers = sum(v for k, v in parts.items() if k.split(":")[0] in PAGE_EVENTS)
        build_page(*args, **kwargs)
        handlers = sum(v for k, v in parts.items() if k.split(":")[0] in PAGE_EVENTS) - handlers
        parts["templates"] += clock() - began - handlers

    plugins.PluginCollection.run_event = run_event
    pages.Page.render = timed_render
    build._build_page = timed_build_page
    cli(["build", "--strict", "-q", "--site-dir", str(site)], standalone_mode=False)
    parts["total"] = clock() - start
    return dict(parts)


# The events MkDocs fires inside _build_page, whose handlers are counted on their own.
PAGE_EVENTS = {"page_context", "post_page"}


def profiled(project: Path, site: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", str(project), str(site)],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if proc.returncode:
        raise SystemExit(f"build in {project} failed:\n{proc.stdout}{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(ours: list[dict[str, float]], plain: list[dict[str, float]], talks: int) -> list[str]:
    names = sorted({n for run in ours + plain for n in run}, key=lambda n: (n == "total", n))

    def median(runs: list[dict[str, float]], name: str) -> float:
        return statistics.median(run.get(name, 0.0) for run in runs)

    rows = [(n, median(ours, n), median(plain, n)) for n in names]
    rows = [r for r in rows if r[0] == "total" or max(r[1], r[2]) >= 0.005]
    out = [f"{'part':44s} {'ours s':>8s} {'plain s':>8s} {'ours - plain':>13s} {'ms a talk':>10s}"]
    for name, mine, theirs in sorted(rows, key=lambda r: (r[0] == "total", -(r[1] - r[2]))):
        out.append(f"{name:44s} {mine:8.3f} {theirs:8.3f} {mine - theirs:13.3f} {1000 * (mine - theirs) / talks:10.1f}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(profile_this_process(Path(args.child[0]), Path(args.child[1]))))
        return
    with tempfile.TemporaryDirectory(prefix="summit-profile-") as tmp:
        work = Path(tmp)
        ours_project = scale_project.scale(work / "ours", args.k)
        plain_project = bench_build.plain_material_copy(work / "plain", ours_project)
        talks = sum(1 for p in ours_project.glob("docs/*/*.md") if p.name != "index.md")
        ours, plain = [], []
        for run in range(args.runs):
            print(f"run {run + 1} of {args.runs}: ours, then plain Material (k = {args.k}, {talks} talks)…",
                  file=sys.stderr)
            ours.append(profiled(ours_project, work / "ours-site"))
            plain.append(profiled(plain_project, work / "plain-site"))
    print(f"k = {args.k}: {talks} talk pages; median of {args.runs} builds each, CPU seconds")
    print("\n".join(table(ours, plain, talks)))


if __name__ == "__main__":
    main()
