"""The forward path: ProperDocs (the maintained fork of MkDocs 1.6) builds the same site."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from builds import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_files(tmp_path, site):
    out = tmp_path / "properdocs-site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ours = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert ours == theirs
    differing = [name for name in sorted(ours)
                 if GENERATOR.sub(b"", (site / name).read_bytes()) != GENERATOR.sub(b"", (out / name).read_bytes())]
    assert differing == []
