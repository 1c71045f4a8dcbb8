"""Instructions a build executes, counted by Valgrind (cachegrind, no cache simulation).

The steady figure of the build benchmark (scripts/bench_build.py, scripts/bench.py). Seconds on
this shared machine swing by up to 2x from one minute to the next; the instructions of the same
build differ by well under 1 %. Python function calls (scripts/profile_build.py --calls) are
steady too, but a call counts as one whatever it does: compiling the project's code on a cold
build, Jinja compiling a template or a regular expression scanning a page weigh next to nothing
in calls and a good part of a build in instructions and in seconds.

About 20 times slower than the build itself; the builds of a pair run side by side (instructions
do not depend on what else the machine does). PYTHONHASHSEED is fixed: the order of a set, and
so a little of the work, otherwise changes from run to run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from builds import MKDOCS, measured_environ

VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
TOTAL = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)\s*$", re.M)


def total(output: str) -> int | None:
    """The instruction count in a build's output under cachegrind (its "I refs" summary line)."""
    found = TOTAL.search(output)
    return int(found.group(1).replace(",", "")) if found else None


def available() -> bool:
    return shutil.which("valgrind") is not None


def count(builds: list[tuple[Path, Path]]) -> list[int]:
    """For each (project, site dir): the instructions of one strict build of it, run side by side."""
    environ = measured_environ(PYTHONHASHSEED="0")
    running = []
    for project, site in builds:
        output = tempfile.TemporaryFile()
        command = VALGRIND + MKDOCS + ["build", "--strict", "--site-dir", str(site)]
        running.append((project, output, subprocess.Popen(command, cwd=project, env=environ,
                                                          stdout=output, stderr=subprocess.STDOUT)))
    counts = []
    for project, output, proc in running:
        proc.wait()
        output.seek(0)
        text = output.read().decode(errors="replace")
        output.close()
        counted = total(text)
        if proc.returncode or counted is None:
            raise SystemExit(f"counted build in {project} failed:\n{text[-3000:]}")
        counts.append(counted)
    return counts
