"""Lighthouse scores (npm lighthouse 12.2.3, mobile preset) of pages served with gzip.

Each page is audited `runs` times in Debian's Chromium; the median of each category is kept.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def audit(url: str) -> dict[str, float]:
    """One Lighthouse run; category scores 0-100."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        proc = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
            capture_output=True, text=True, timeout=300,
        )
        if proc.returncode or not report.exists():
            raise SystemExit(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
        categories = json.loads(report.read_text())["categories"]
    return {name: round(100 * (categories[name]["score"] or 0)) for name in CATEGORIES}


def median_scores(url: str, runs: int = 3) -> dict[str, float]:
    results = [audit(url) for _ in range(runs)]
    return {name: statistics.median(r[name] for r in results) for name in CATEGORIES}
