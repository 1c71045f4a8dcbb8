"""No third party: every built page, loaded in Chromium, requests only the site's own host.

One browser context visits all pages in turn (loaded, scrolled to the end so lazy slide images
load, then a short idle). Requests to any other host are recorded and then aborted, so the test
never sends traffic off the machine, and a canary page shows that such a request is caught.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

LOCAL_SCHEMES = ("data:", "blob:")
IDLE_MS = 150


def is_own(url: str, origin: str) -> bool:
    if url.startswith(LOCAL_SCHEMES):
        return True
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == origin


def visit_all(browser, origin: str, paths: list[str]) -> dict[str, list[str]]:
    """Foreign requests made by each page, {path: [url, ...]}."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: dict[str, list[str]] = {}
    current = {"path": ""}

    def record(request):
        if not is_own(request.url, origin):
            foreign.setdefault(current["path"], []).append(request.url)

    # Context-wide, so requests of workers (the search worker) are seen too.
    context.on("request", record)
    # A regex is matched inside the driver; a Python predicate would round-trip every request.
    others = re.compile(rf"^(?!{re.escape(origin)}/)(?!data:|blob:)")
    context.route(others, lambda route: route.abort())
    page = context.new_page()
    try:
        for path in paths:
            current["path"] = path
            page.goto(origin + path, wait_until="load")
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(IDLE_MS)
    finally:
        context.close()
    return foreign


def site_paths(site) -> list[str]:
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        paths.append("/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return paths


def test_no_page_requests_a_third_party(site, server, browser):
    paths = site_paths(site)
    assert len(paths) >= 20
    foreign = visit_all(browser, server, paths)
    assert not foreign, "\n".join(f"{path}: {urls}" for path, urls in foreign.items())


@pytest.fixture
def canary(site):
    """A page in the served site that loads an image and a script from elsewhere."""
    path = site / "third-party-canary.html"
    path.write_text(
        '<!doctype html><title>canary</title><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<img src="https://third-party.invalid/pixel.png">'
        '<script src="https://cdn.third-party.invalid/lib.js"></script>',
        encoding="utf-8",
    )
    yield "/third-party-canary.html"
    path.unlink()


def test_a_third_party_request_is_caught(server, browser, canary):
    foreign = visit_all(browser, server, [canary])
    assert sorted(foreign.get(canary, [])) == [
        "https://cdn.third-party.invalid/lib.js", "https://third-party.invalid/pixel.png",
    ]
