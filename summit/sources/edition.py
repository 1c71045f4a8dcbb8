"""The date of this edition of the notes: what "Cite these notes" and the sitemap show.

Never the clock, so two builds of one commit are byte-identical whenever they run:
SOURCE_DATE_EPOCH when set (the reproducible-builds convention, which MkDocs also reads),
else the time of the last git commit that changed the content, else (a copy outside git) the
newest modification time among the content files.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Mapping
from pathlib import Path

CONTENT = ("docs", "references.bib", "tags.yml", "mkdocs.yml")


def _git_time(root: Path) -> int | None:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", *CONTENT],
            cwd=root, capture_output=True, text=True, check=True, timeout=20,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def _newest_mtime(root: Path) -> int:
    paths = [p for name in CONTENT for p in ([root / name] + list((root / name).rglob("*")))]
    return max(int(p.stat().st_mtime) for p in paths if p.is_file())


def edition_timestamp(root: Path, environ: Mapping[str, str]) -> int:
    """Seconds since the epoch for this edition."""
    if environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(environ["SOURCE_DATE_EPOCH"])
    return _git_time(root) or _newest_mtime(root)


def edition_date(timestamp: int) -> datetime.date:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).date()
