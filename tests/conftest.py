"""One strict build of the real site per test session, shared by every test that reads HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_FILES = ("mkdocs.yml", "references.bib", "hooks", "overrides", "docs")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path
    seconds: float


def run_build(project: Path, site: Path) -> Build:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run(
        MKDOCS + ["build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site, time.perf_counter() - start)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A scratch copy of the project, to break on purpose."""
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path
