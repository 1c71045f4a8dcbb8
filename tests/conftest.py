"""One strict build of the real site per test session, shared by every test that reads HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # scripts/browser.py
from builds import ROOT, Build, copy_project, run_build  # noqa: F401  (scripts/builds.py)


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
    return copy_project(tmp_path)


# --- Browser tests: the built site served on 127.0.0.1, driven in Debian's Chromium ---------

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def server(site):
    """The built site on a free port of 127.0.0.1 (base URL without the trailing slash)."""
    httpd, url = serve(site)
    yield url.rstrip("/")
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (make test installs it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
