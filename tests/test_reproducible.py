"""Two builds of the same commit on different days are byte-identical; dates are the edition's."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

from builds import ROOT
from site_model import page_path, soup, talks
from summit.sources.edition import edition_date, edition_timestamp

# Plain `mkdocs build` (not make), under a clock frozen at the given instant.
FROZEN_BUILD = (
    "import sys, time_machine; time_machine.travel(float(sys.argv[1]), tick=False).start(); "
    "from mkdocs.__main__ import cli; sys.argv = ['mkdocs'] + sys.argv[2:]; cli()"
)
DAYS = (datetime.datetime(2030, 3, 1, 9, 0, tzinfo=datetime.timezone.utc),
        datetime.datetime(2031, 7, 15, 23, 30, tzinfo=datetime.timezone.utc))


def frozen_build(when: datetime.datetime, site: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    proc = subprocess.run([sys.executable, "-c", FROZEN_BUILD, str(when.timestamp()), "build", "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_days_two_identical_sites(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    frozen_build(DAYS[0], first)
    frozen_build(DAYS[1], second)
    a, b = tree(first), tree(second)
    assert a.keys() == b.keys()
    differing = [name for name in a if a[name] != b[name]]
    assert differing == [], f"differ between the two days: {differing[:10]}"

    # The date shown is the edition's (last commit of the content), not either clock's.
    edition = edition_date(edition_timestamp(ROOT, {}))
    talk = talks()[0]
    cite = soup(page_path(first, talk.src_uri)).select_one(".cite-notes").get_text()
    assert f"Summit Notes ({edition.year})" in cite and f"Edition of {edition.isoformat()}" in cite
    assert str(DAYS[0].year) not in cite and str(DAYS[1].year) not in cite
    assert f"<lastmod>{edition.isoformat()}</lastmod>" in (first / "sitemap.xml").read_text()


def test_builds_the_same_from_any_working_directory(tmp_path, site):
    """Paths in mkdocs.yml (the glossary snippet among them) are the project's, not the shell's."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out = tmp_path / "elsewhere-site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "--site-dir", str(out)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert tree(out) == tree(site)
