"""Where the build's time goes: each MkDocs event and plugin, ours against plain Material.

Not a benchmark with a goal (that is scripts/bench.py): a map for whoever wants to make the
build faster. Each build runs in its own process, ours and the plain-Material copy in turn
(scripts/bench_build.plain_material_copy), on a scaled copy of the notes (scale_project.py);
the figures are the median CPU-clock seconds of each part over the runs.

    .venv/bin/python scripts/profile_build.py                    # k = 10, 3 runs each
    .venv/bin/python scripts/profile_build.py --k 1 --runs 5
    .venv/bin/python scripts/profile_build.py --calls --runs 1   # function calls, not seconds

Seconds on this shared machine vary by up to 2x from one minute to the next, for both builds;
function calls do not (a build does the same work each time), so --calls is the figure to
compare two versions of the code by. It weighs a call in C (a regular expression, the XML
parser) like one in Python, so it is a proxy for work, not a clock.

Parts: "event:plugin" is one plugin's handler of one event (hooks/pipeline.py is ours; search
is Material's search plugin, which parses every page's HTML); "markdown: talk pages" and
"markdown: other pages" are Python-Markdown converting pages (Page.render); "rest" is all
else: importing MkDocs and the plugins, the theme's templates, copying files. Each part's
figure leaves out the parts inside it.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
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


class Meter:
    """Exclusive cost of nested parts: a part's figure leaves out the parts inside it; whatever
    no part covers is "rest". In CPU seconds of this process, or in Python function calls
    (cProfile's count: the same for the same work, however fast the machine is that minute)."""

    def __init__(self, calls: bool):
        self.calls = calls
        self.stack: list[str] = []
        self.seconds: Counter[str] = Counter()
        self.profiles: dict[str, cProfile.Profile] = {}
        self.since = time.process_time()

    @property
    def part(self) -> str:
        return self.stack[-1] if self.stack else "rest"

    def start(self) -> None:
        self.since = time.process_time()
        self._resume()

    def enter(self, part: str) -> None:
        self._pause()
        self.stack.append(part)
        self._resume()

    def leave(self) -> None:
        self._pause()
        self.stack.pop()
        self._resume()

    def _pause(self) -> None:
        now = time.process_time()
        self.seconds[self.part] += now - self.since
        self.since = now
        if self.calls:
            self.profiles[self.part].disable()

    def _resume(self) -> None:
        if self.calls:
            self.profiles.setdefault(self.part, cProfile.Profile()).enable()

    def figures(self) -> dict[str, float]:
        self._pause()
        if self.calls:
            return {part: float(pstats.Stats(profile).total_calls) for part, profile in self.profiles.items()}
        return dict(self.seconds)


def profile_this_process(project: Path, site: Path, calls: bool) -> dict[str, float]:
    """One strict build in this process, measured part by part."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(project)
    meter = Meter(calls)
    meter.start()
    from mkdocs import plugins
    from mkdocs.__main__ import cli
    from mkdocs.structure import pages

    def run_event(self, name, item=None, **kwargs):
        # As MkDocs' own run_event does, each handler measured on its own.
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            meter.enter(f"{name}:{self._current_plugin}")
            try:
                result = method(item, **kwargs) if item is not None else method(**kwargs)
            finally:
                meter.leave()
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    render = pages.Page.render

    def measured_render(page, config, files):
        src_uri = page.file.src_uri  # a talk page is <section>/<talk>.md
        talk = src_uri.count("/") == 1 and not src_uri.endswith("/index.md")
        meter.enter("markdown: talk pages" if talk else "markdown: other pages")
        try:
            render(page, config, files)
        finally:
            meter.leave()

    plugins.PluginCollection.run_event = run_event
    pages.Page.render = measured_render
    cli(["build", "--strict", "-q", "--site-dir", str(site)], standalone_mode=False)
    figures = meter.figures()
    figures["total"] = sum(figures.values())
    return figures


def profiled(project: Path, site: Path, calls: bool) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", str(project), str(site)] + ["--calls"] * calls,
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if proc.returncode:
        raise SystemExit(f"build in {project} failed:\n{proc.stdout}{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(ours: list[dict[str, float]], plain: list[dict[str, float]], talks: int, calls: bool) -> list[str]:
    names = {n for run in ours + plain for n in run}

    def median(runs: list[dict[str, float]], name: str) -> float:
        return statistics.median(run.get(name, 0.0) for run in runs)

    rows = [(n, median(ours, n), median(plain, n)) for n in names]
    total = next(r for r in rows if r[0] == "total")
    rows = [r for r in rows if r[0] != "total" and max(r[1], r[2]) >= total[1] / 1000]
    unit, per_talk = ("calls", "calls a talk") if calls else ("s", "ms a talk")
    scale = 1 if calls else 1000
    out = [f"{'part':40s} {'ours ' + unit:>12s} {'plain ' + unit:>12s} {'ours - plain':>12s} {per_talk:>12s}"]
    for name, mine, theirs in sorted(rows, key=lambda r: -(r[1] - r[2])) + [total]:
        figure = "{:12,.0f}" if calls else "{:12.3f}"
        out.append(f"{name:40s} " + " ".join(figure.format(x) for x in (mine, theirs, mine - theirs))
                   + f" {scale * (mine - theirs) / talks:12,.1f}")
    out.append(f"ratio, ours / plain: {total[1] / total[2]:.2f}x")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--calls", action="store_true",
                        help="count Python function calls instead of CPU time (slower; one run is enough)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(profile_this_process(Path(args.child[0]), Path(args.child[1]), args.calls)))
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
            ours.append(profiled(ours_project, work / "ours-site", args.calls))
            plain.append(profiled(plain_project, work / "plain-site", args.calls))
    what = "Python function calls" if args.calls else "CPU seconds"
    print(f"k = {args.k}: {talks} talk pages; median of {args.runs} builds each, {what}")
    print("\n".join(table(ours, plain, talks, args.calls)))


if __name__ == "__main__":
    main()
