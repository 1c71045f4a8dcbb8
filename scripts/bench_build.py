"""Build-time figures: the real strict build against the same pages built with plain Material.

The plain copy is the project with the bibtex plugin and the hooks taken out of mkdocs.yml:
citations stay as their [@key] text, <!-- md:… --> comments stay comments, and the pages the
hooks generate (Speakers, Papers) are not there. What is left is the cost of Material alone.
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from builds import copy_project, run_build  # noqa: E402


def build(project: Path, site: Path) -> float:
    """One strict build; its wall time in seconds. Raises if the build fails."""
    result = run_build(project, site)
    if result.returncode:
        raise SystemExit(f"build in {project} failed:\n{result.output}")
    return result.seconds


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
    copy_project(target)
    config = target / "mkdocs.yml"
    config.write_text(without_hooks_and_bibtex(config.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.rmtree(target / "hooks")
    return target
