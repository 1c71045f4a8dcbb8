"""Running the real build in a subprocess, and copying the project to break or scale it.

Shared by the tests (tests/conftest.py) and the benchmarks (scripts/bench.py, bench_search.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# What a build reads: copying these makes a project that builds on its own.
PROJECT_FILES = ("mkdocs.yml", "references.bib", "tags.yml", "includes", "hooks", "summit", "overrides", "docs")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path
    seconds: float


def run_build(project: Path, site: Path, *extra: str, env: dict[str, str] | None = None) -> Build:
    """One strict build of project into site; its output and wall time."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    start = time.perf_counter()
    proc = subprocess.run(
        MKDOCS + ["build", "--strict", "--site-dir", str(site), *extra],
        cwd=project, env=environ, capture_output=True, text=True,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site, time.perf_counter() - start)


def copy_project(target: Path) -> Path:
    """Copy what a build reads into target."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target
