"""Search costs nothing until a reader reaches for it, and then works at once."""

TALK_URL = "generative-models/fair-generative-modeling/"


def test_search_index_loads_only_when_search_is_used(server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/{TALK_URL}")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "search_index" in u or "/workers/search." in u]

    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("GDumb", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    assert "continual-learning-quirks-and-assumptions" in first.get_attribute("href")
    assert [u for u in requested if u.endswith("search/search_index.json")]


def test_a_query_in_the_address_opens_search_with_results(server, page):
    page.goto(f"{server}/?q=tax+policy")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    assert "ai-economist" in first.get_attribute("href")
