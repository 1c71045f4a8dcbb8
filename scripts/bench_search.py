"""Benchmark: how fast Material's search answers the queries of tests/search_queries.yml
(correctly spelled) and tests/search_misspellings.yml (corrected by search-typos-worker.js).

Not a test: it prints figures and fails on nothing. Run with `make bench-search`
(= .venv/bin/python scripts/bench_search.py [--site DIR] [--key-delay MS] [--lists NAME…]).

For every query of each list, in Debian's Chromium with the test suite's flags, it types the
query key by key and measures the time from the last keyup to the first render of the
results Material's worker returned for the whole query:

  warm  one page whose search index is already built; the box is cleared between queries
  cold  a fresh browser context per query (empty cache), the query typed as soon as the page
        has loaded its DOM (Material's bundle has run), so the wait includes fetching the
        index and building it in the worker

--key-delay 0 (the default) types as fast as the browser accepts keys: every keystroke
still starts a search, so this is an upper bound on a reader's wait; a reader's pace
(--key-delay 150) leaves the worker idle between keys.

It also prints the size of search/search_index.json, raw and gzipped (level 6, a static
host's usual setting), which every page fetches and indexes once per load.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from builds import run_build  # noqa: E402
import search_driver as driver  # noqa: E402

VIEWPORT = {"width": 1280, "height": 900}
LISTS = {"correct": driver.QUERIES_FILE, "misspelled": driver.MISSPELLINGS_FILE}


def type_and_measure(page, text: str, key_delay: float) -> float:
    box = page.locator(driver.SEARCH_INPUT)
    box.press_sequentially(text, delay=key_delay)
    page.wait_for_function(driver.ANSWERED, arg=text, timeout=30_000, polling="raf")
    return driver.latency_ms(page)


def warm(browser, url: str, queries, key_delay: float) -> dict[str, float]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    driver.instrument(page)
    page.goto(url)
    driver.open_search(page)
    page.wait_for_function("() => window.__search.readyAt !== null")
    times = {}
    for query in queries:
        driver.clear_query(page)
        times[query.text] = type_and_measure(page, query.text, key_delay)
    context.close()
    return times


def cold(browser, url: str, queries, key_delay: float) -> tuple[dict[str, float], list[float]]:
    times, ready = {}, []
    for query in queries:
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        driver.instrument(page)
        page.goto(url, wait_until="domcontentloaded")
        driver.open_search(page)
        times[query.text] = type_and_measure(page, query.text, key_delay)
        ready.append(driver.ready_ms(page))
        context.close()
    return times, ready


def summary(name: str, times: dict[str, float]) -> str:
    worst = max(times, key=times.get)
    return (
        f"{name:<5} median {statistics.median(times.values()):7.1f} ms   "
        f"worst {times[worst]:7.1f} ms  ({worst!r})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--key-delay", type=float, default=0, help="ms between keystrokes (default 0)")
    parser.add_argument("--lists", nargs="+", choices=sorted(LISTS), default=list(LISTS),
                        help="query lists to time (default: all)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            build = run_build(ROOT, Path(scratch) / "site")
            if build.returncode:
                sys.exit(build.output)
            site = build.site
            print(f"site built in {build.seconds:.1f} s")
        index = site / "search" / "search_index.json"
        raw = index.read_bytes()
        print(f"search index  {len(raw):,} bytes, gzipped {len(gzip.compress(raw, 6)):,} bytes")

        lists = {name: driver.load_queries(LISTS[name]) for name in args.lists}
        results = {}
        httpd, url = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                print(f"Chromium {browser.version}, key delay {args.key_delay:g} ms")
                started = time.perf_counter()
                for name, queries in lists.items():
                    warm_times = warm(browser, url, queries, args.key_delay)
                    cold_times, ready = cold(browser, url, queries, args.key_delay)
                    results[name] = (len(queries), warm_times, cold_times, ready)
                browser.close()
        finally:
            httpd.shutdown()

    print("last keystroke -> first result rendered")
    for name, (count, warm_times, cold_times, ready) in results.items():
        print(f"{name} ({count} queries, {LISTS[name].name})")
        print("  " + summary("warm", warm_times))
        print("  " + summary("cold", cold_times))
        print(
            f"  cold  index ready {statistics.median(ready):7.1f} ms median, {max(ready):.1f} ms worst, "
            "after navigation start"
        )
    print(f"({time.perf_counter() - started:.0f} s in the browser)")


if __name__ == "__main__":
    main()
