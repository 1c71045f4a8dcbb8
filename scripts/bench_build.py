"""Build-time figures: the real strict build against the same pages built with plain Material.

The plain copy is the project with the bibtex plugin and the hooks taken out of mkdocs.yml:
citations stay as their [@key] text, <!-- md:… --> comments stay comments, and the pages the
hooks generate (Speakers, Papers) are not there. What is left is the cost of Material alone.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("mkdocs.yml", "references.bib", "tags.yml", "hooks", "overrides", "docs")


def build(project: Path, site: Path) -> float:
    """One strict build; its wall time in seconds. Raises if the build fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build in {project} failed:\n{proc.stdout}{proc.stderr}")
    return seconds


def median_build(project: Path, site: Path, runs: int = 3) -> float:
    return statistics.median(build(project, site) for _ in range(runs))


def without_hooks_and_bibtex(config: str) -> str:
    """mkdocs.yml text with its top-level hooks: list, its watch: hooks line and the bibtex plugin removed."""
    config = re.sub(r"^hooks:\n(?:[ \t]+- .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^[ \t]+- hooks\n", "", config, flags=re.M)
    config = re.sub(r"^([ \t]+)- bibtex:\n(?:\1[ \t]+.*\n)+", "", config, flags=re.M)
    assert "bibtex" not in config and "hooks/" not in config, config
    return config


def plain_material_copy(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    config = target / "mkdocs.yml"
    config.write_text(without_hooks_and_bibtex(config.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.rmtree(target / "hooks")
    return target
