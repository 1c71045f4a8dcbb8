"""Drive Material's built-in search: enter a query, read the first result.

Shared by tests/test_search.py and tests/test_search_typos.py (which result comes first: each
query entered at once) and scripts/bench_search.py (how fast: typed key by key, like a reader).

Material sends the input's value to its lunr web worker on every keyup, and the worker answers
every query with exactly one result message, in order. So "the results on screen belong to the
whole query" is knowable without sleeping: the page is instrumented (before Material's bundle
runs) to count the queries posted to the worker and the results it sends back, and to time the
last keystroke and every re-render of the result list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

TESTS = Path(__file__).resolve().parents[1] / "tests"
QUERIES_FILE = TESTS / "search_queries.yml"
MISSPELLINGS_FILE = TESTS / "search_misspellings.yml"

# Material's worker protocol (integrations/search/worker/message): READY = 1, QUERY = 2, RESULT = 3.
INSTRUMENT = """
(() => {
  const state = window.__search = {sent: [], results: [], readyAt: null, ready: null, lastKeyAt: 0, renders: []};
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      // Registered before Material subscribes, so it runs just before Material renders.
      this.addEventListener("message", ev => {
        if (ev.data && ev.data.type === 1) { state.readyAt = performance.now(); state.ready = ev.data; }
        if (ev.data && ev.data.type === 3) state.results.push(performance.now());
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) state.sent.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
  addEventListener("keyup", () => { state.lastKeyAt = performance.now(); }, true);
  addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(() => {
      if (list.querySelector("a.md-search-result__link")) state.renders.push(performance.now());
    }).observe(list, {childList: true});
  });
})();
"""

# True once the worker has answered the query for exactly `value` and the list shows it.
ANSWERED = """
value => {
  const s = window.__search;
  if (!s || !s.sent.length || s.sent[s.sent.length - 1] !== value) return false;
  if (s.results.length !== s.sent.length) return false;
  return true;
}
"""

# The first result of the list Material rendered for the last answer ('' when there is none).
FIRST_RESULT = """
() => {
  const link = document.querySelector(
    ".md-search-result__list > .md-search-result__item a.md-search-result__link");
  return link ? link.href : "";
}
"""

# Milliseconds from the last keyup to the first render of the last answer's results (for a
# query without results: to the answer, which Material shows as "No matching documents").
LATENCY = """
() => {
  const s = window.__search;
  const answeredAt = s.results[s.results.length - 1];
  const render = s.renders.find(t => t >= answeredAt);
  return (render === undefined ? answeredAt : render) - s.lastKeyAt;
}
"""

# What search-typos.js says was searched instead ('' when the query was searched as typed).
CORRECTION = """
() => {
  const note = document.querySelector(".summit-search-typos");
  return note && !note.hidden ? note.textContent : "";
}
"""

SEARCH_INPUT = "input.md-search__input"


@dataclass(frozen=True)
class Query:
    text: str
    expect: str   # URL path of the talk page, relative to the site root
    why: str      # what kind of reader question this is (name, company, method, concept…)


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    """Every query must find its talk first."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(q["query"], q["expect"], q.get("kind", "")) for q in data["queries"]]


def instrument(page) -> None:
    """Must run before the first navigation of `page`."""
    page.add_init_script(INSTRUMENT)


def open_search(page) -> None:
    """Focus the header search box the way a reader does, by clicking it (opens the dialog)."""
    page.locator(SEARCH_INPUT).click()


def clear_query(page) -> None:
    box = page.locator(SEARCH_INPUT)
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_function(ANSWERED, arg="")


def type_query(page, text: str, timeout_ms: float = 10_000) -> None:
    """Type key by key (Material searches on keyup), then wait for the worker's answer to it."""
    page.locator(SEARCH_INPUT).press_sequentially(text)
    page.wait_for_function(ANSWERED, arg=text, timeout=timeout_ms, polling="raf")


def enter_query(page, text: str, timeout_ms: float = 10_000) -> None:
    """Put the whole query in the box at once, then release a key there, as the last keystroke of
    typing it would (Material searches on keyup): one query for the worker instead of one per
    letter, for checks that read only the results of the whole query."""
    box = page.locator(SEARCH_INPUT)
    box.fill(text)
    box.press("End")
    page.wait_for_function(ANSWERED, arg=text, timeout=timeout_ms, polling="raf")


def first_result_path(page) -> str:
    """The first result's page, as a path relative to the site root, without the fragment."""
    href = page.evaluate(FIRST_RESULT)
    return urlsplit(href).path.lstrip("/") if href else ""


def correction(page) -> str:
    """The "Showing results for …" note of the last answer, or '' when there is none."""
    return page.evaluate(CORRECTION)


def latency_ms(page) -> float:
    return page.evaluate(LATENCY)


def ready_ms(page) -> float | None:
    """When the worker had built the index, in ms since the page's navigation started."""
    return page.evaluate("() => window.__search.readyAt")


def type_all(browser, server, queries, block_typos: bool = False) -> dict[str, tuple[str, str]]:
    """Enter each query into one page's search box: its first result and the typo correction
    shown ('' when it was searched as typed). (Typing key by key, as bench_search.py does to time
    it, gives the same last answer: the worker answers every query on its own.)"""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if block_typos:   # Material's search alone, as before this feature
        page.route("**/search-typos.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    instrument(page)
    page.goto(server + "/")
    open_search(page)
    found = {}
    for text in queries:
        enter_query(page, text)
        found[text] = (first_result_path(page), correction(page))
    context.close()
    return found


def assert_few_miss(misses: list[str], total: int, what: str, allowance: float = 0.05) -> None:
    """A set of reader's queries (questions, misspellings) passes when at most 5% of them miss
    their talk: each miss is a line of `misses`, all reported together."""
    allowed = math.floor(total * allowance)
    assert len(misses) <= allowed, (
        f"{len(misses)} of {total} {what} miss their talk (at most {allowed} may):\n" + "\n".join(misses))
