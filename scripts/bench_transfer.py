"""Page weight: requests and bytes on a first visit (empty cache), served with gzip.

Each page gets a fresh browser context, is scrolled to its end step by step so that lazy slide
images load, then waits for the network to go idle. Requests and bytes are counted by the
gzip server itself (scripts/gzip_server.py): status line, headers and gzipped body of every
response, the search worker's own requests included (Chromium under-reports those).
"""

from __future__ import annotations

from dataclasses import dataclass

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCROLL_TO_END = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  window.scrollTo(0, document.body.scrollHeight);
}"""


@dataclass
class Weight:
    path: str
    requests: int
    bytes: int
    slides: int
    search_bytes: int  # of bytes: the search worker and index (loaded on first use of search)


def measure(browser, server, origin: str, path: str) -> Weight:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    server.transfers.clear()
    page.goto(origin + path, wait_until="load")
    page.evaluate(SCROLL_TO_END)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    context.close()
    transfers = list(server.transfers)
    slides = sum(1 for url, _ in transfers if url.startswith("/assets/slides/"))
    search = sum(size for url, size in transfers if url.startswith(("/search/", "/assets/javascripts/workers/")))
    return Weight(path, len(transfers), sum(size for _, size in transfers), slides, search)


def weigh_pages(server, origin: str, paths: list[str]) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [measure(browser, server, origin, path) for path in paths]
        finally:
            browser.close()
