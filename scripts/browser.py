"""Debian's Chromium as the tests and benchmarks drive it, and a quiet static server for a site."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


# The reader's two widths: a laptop and a phone.
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@contextmanager
def reader_page(browser, width: str, **options) -> Iterator:
    """A page of a new browser context at one of the reader's widths (a phone: touch, mobile),
    closed afterwards; options go to the context (permissions, colour scheme, …)."""
    phone = width == "phone"
    context = browser.new_context(viewport=VIEWPORTS[width], has_touch=phone, is_mobile=phone, **options)
    try:
        yield context.new_page()
    finally:
        context.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve site like a static host on a free port of 127.0.0.1; (server, base URL with /)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"
