"""`mkdocs serve` shows every kind of edit on the next reload, without a restart.

A real `mkdocs serve` runs on a scratch copy of the project; the test edits one file of each
kind in turn and waits until the served page (or stylesheet) shows the change.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

TALK = "docs/generative-models/fair-generative-modeling.md"
TALK_URL = "generative-models/fair-generative-modeling/"
WAIT = 60  # seconds for one rebuild to show, generous for a loaded 2-core machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        if text in fetch(url):
            return
        time.sleep(0.5)
    pytest.fail(f"{text!r} did not appear at {url} within {WAIT} s")


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {path}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def served(project_copy: Path):
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project_copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + TALK_URL, "talk-header", server)
        yield project_copy, base, server
    finally:
        server.terminate()
        server.wait(timeout=20)


# (what is edited, the edit, the page to reload, what it must then show)
EDITS: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("page text", lambda p: edit(p / TALK, "The setting assumes two sources", "The setting (reload-page) assumes two sources"),
     TALK_URL, "(reload-page)"),
    ("front matter", lambda p: edit(p / TALK, "affiliation: Facebook AI Research", "affiliation: Reload Front Matter Lab"),
     TALK_URL, "Reload Front Matter Lab"),
    ("references.bib", lambda p: edit(p / "references.bib", "title = {Deep Learning Face Attributes in the Wild}",
                                      "title = {Deep Learning Face Attributes Reloaded}"),
     TALK_URL, "Deep Learning Face Attributes Reloaded"),
    ("tags.yml", lambda p: edit(p / "tags.yml", "Privacy: Protecting the people behind the data.",
                                "Privacy: Protecting the people behind the reloaded data."),
     "tags/", "behind the reloaded data"),
    ("template", lambda p: edit(p / "overrides/partials/talk-header.html", "Talk {{ talk.number }} · ", "Talk {{ talk.number }} (reloaded template) · "),
     TALK_URL, "(reloaded template)"),
    ("CSS", lambda p: (p / "docs/assets/stylesheets/summit.css").write_text(
        (p / "docs/assets/stylesheets/summit.css").read_text() + "\n/* reloaded css */\n"),
     "assets/stylesheets/summit.css", "reloaded css"),
    ("build code", lambda p: edit(p / "summit/event.py", "\"January 2021\"", "\"February 2021\""),
     TALK_URL, "Virtual Summit, February 2021"),
]


def test_every_kind_of_edit_shows_on_reload(served):
    project, base, server = served
    for name, change, url, expected in EDITS:
        assert expected not in fetch(base + url), name
        change(project)
        wait_for(base + url, expected, server)
