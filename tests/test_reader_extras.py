"""What a researcher keeps the notes open for: cite, copy BibTeX, read offline, print, reuse data."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zipfile

import jsonschema
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from builds import ROOT
from site_model import article, bib, page_path, soup, talks

TALK_SRC = "generative-models/fair-generative-modeling.md"
TALK_URL = "generative-models/fair-generative-modeling/"


def test_bibtex_control_copies_the_exact_entry(server, browser):
    """No page carries the entries: the first click loads them (held back here, as a slow network
    would), once; the copy still lands, then the entry shows as written."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    loads = []

    def slow(route):
        loads.append(route.request.url)
        time.sleep(1.5)
        route.continue_()

    page.route("**/bibtex-entries.js", slow)
    page.goto(f"{server}/{TALK_URL}")
    key = "choi2020fairgen"
    item = page.locator(f"li[id='fn:ref-{key}']")
    entry = item.locator(".bibtex__entry")
    assert entry.is_hidden() and entry.text_content() == "" and not loads
    copy = item.locator("button.bibtex__copy")
    copy.click()
    expect(copy).to_have_text("Copied", timeout=10_000)
    assert page.evaluate("navigator.clipboard.readText()").strip() == bib().source(key)
    show = item.locator("button.bibtex__show")
    show.focus()
    page.keyboard.press("Enter")  # by keyboard: the entry opens, and Tab reaches its text (it scrolls)
    expect(entry).to_be_visible()
    assert show.get_attribute("aria-expanded") == "true" and entry.text_content() == bib().source(key)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(entry).to_be_focused()
    show.focus()
    page.keyboard.press("Space")
    expect(entry).to_be_hidden()
    assert show.get_attribute("aria-expanded") == "false"
    other = page.locator("li[id^='fn:ref-']").last  # loaded now: the copy is written at once
    other.locator("button.bibtex__copy").click()
    expect(other.locator("button.bibtex__copy")).to_have_text("Copied")
    other_key = other.get_attribute("id")[len("fn:ref-"):]
    assert other_key != key and page.evaluate("navigator.clipboard.readText()") == bib().source(other_key)
    assert len(loads) == 1, loads
    context.close()


def bibtex_entries(site) -> dict[str, str]:
    """The entries the BibTeX controls load (assets/javascripts/bibtex-entries.js), by key."""
    text = (site / "assets" / "javascripts" / "bibtex-entries.js").read_text(encoding="utf-8")
    prefix, suffix = "window.summitBibtex = ", ";\n"
    assert text.startswith(prefix) and text.endswith(suffix), text[:80]
    return json.loads(text[len(prefix):-len(suffix)])


def test_the_bibtex_entries_file_holds_every_entry_as_written(site):
    assert bibtex_entries(site) == {key: bib().source(key) for key in bib().keys}


def assert_bibtex_control(control, key: str, entries: dict[str, str]) -> None:
    """A control names its work's key, which the entries' file holds, and its show button
    controls an (empty) element that exists: the page itself carries no entry."""
    assert control is not None and control["data-key"] == key and key in entries, key
    entry = control.select_one("button.bibtex__show")["aria-controls"]
    code = control.select_one(f"code[id='{entry}']")
    assert code is not None and code.has_attr("hidden") and code.get_text() == "", key


def test_papers_page_offers_bibtex_for_every_work(site):
    entries = bibtex_entries(site)
    works = article(site / "papers" / "index.html").select("div.work")
    assert sorted(div["id"] for div in works) == sorted(bib().keys)
    for div in works:
        assert_bibtex_control(div.select_one(".bibtex"), div["id"], entries)


def test_every_reference_on_a_talk_page_offers_its_bibtex(site):
    entries = bibtex_entries(site)
    for talk in talks():
        html = page_path(site, talk.src_uri).read_text(encoding="utf-8")
        assert "<!-- md:" not in html, talk.src_uri
        references = article(page_path(site, talk.src_uri)).select("li[id^='fn:ref-']")
        assert references, talk.src_uri
        for item in references:
            assert_bibtex_control(item.select_one(".bibtex"), item["id"][len("fn:ref-"):], entries)


@pytest.mark.parametrize("talk", talks(), ids=lambda t: t.slug)
def test_talk_page_ends_with_cite_these_notes(site, talk):
    page = article(page_path(site, talk.src_uri))
    heading = page.find(id="cite-these-notes")
    assert heading is not None
    assert heading.find_all_next("h2") == [], "Cite these notes must be the last section"
    text = heading.find_next("p").get_text(" ", strip=True)
    assert talk.title in text and talk.speaker_names in text
    assert f"summit-notes-{talk.slug}" in heading.find_next("pre").get_text()


def test_scholar_meta_lists_every_cited_work(site):
    html = soup(page_path(site, TALK_SRC))
    talk = next(t for t in talks() if t.src_uri == TALK_SRC)
    meta = lambda name: [m["content"] for m in html.find_all("meta", attrs={"name": name})]
    assert meta("citation_title") == [talk.title]
    assert meta("citation_author") == [s.name for s in talk.speakers]
    assert meta("citation_publication_date") == ["2021/01"]
    markers = article(page_path(site, TALK_SRC)).select("a.footnote-ref[href^='#fn:ref-']")  # not a figure's
    cited = [a["href"][len("#fn:ref-"):] for a in markers]
    works = list(dict.fromkeys(k for k in cited if not k.startswith("talk-")))
    references = meta("citation_reference")
    assert len(references) == len(works)
    for key, reference in zip(works, references):
        title = bib().entry(key).fields["title"].replace("{", "").replace("}", "")
        assert f"citation_title={title}" in reference
    og = {m["property"]: m["content"] for m in html.find_all("meta", attrs={"property": True})}
    assert og["og:title"] == talk.title and og["og:description"] == talk.description
    assert html.find("meta", attrs={"name": "description"})["content"] == talk.description


TALKS_SCHEMA = {
    "type": "object",
    "required": ["summit", "talks"],
    "properties": {
        "talks": {
            "type": "array", "minItems": 17, "maxItems": 17,
            "items": {
                "type": "object",
                "required": ["number", "title", "section", "speakers", "affiliations", "tags", "url", "cited_keys"],
                "properties": {
                    "number": {"type": "string", "pattern": r"^[1-5]\.[1-9]$"},
                    "title": {"type": "string", "minLength": 5},
                    "section": {"type": "string"},
                    "speakers": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                    "affiliations": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                    "tags": {"type": "array", "minItems": 2, "maxItems": 5, "items": {"type": "string"}},
                    "url": {"type": "string", "format": "uri"},
                    "cited_keys": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^[a-z0-9_-]+$"}},
                },
            },
        }
    },
}


def test_talks_json_validates_and_agrees_with_the_pages(site):
    data = json.loads((site / "talks.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, TALKS_SCHEMA)
    for entry, talk in zip(data["talks"], talks()):
        assert entry["number"] == talk.number and entry["title"] == talk.title
        page = article(page_path(site, talk.src_uri))
        assert page.h1.get_text(strip=True) == entry["title"]
        cited = {a["href"][len("#fn:ref-"):] for a in page.select("a.footnote-ref[href^='#fn:ref-']")} - {talk.bib_key}
        assert set(entry["cited_keys"]) == cited
        assert entry["url"].endswith("/" + talk.src_uri[: -len(".md")] + "/")


def test_references_json_is_csl_and_agrees_with_the_bibliography(site):
    items = json.loads((site / "references.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == bib().keys
    csl_types = {"paper-conference", "article-journal", "article", "book", "chapter", "thesis", "report",
                 "speech", "software", "webpage"}
    for item in items:
        assert item["type"] in csl_types and item["title"]
        fields = bib().entry(item["id"]).fields
        if "doi" in fields:
            assert item["DOI"] == fields["doi"]
        if not item["id"].startswith("talk-"):
            assert item["URL"].startswith("https://")
        for author in item.get("author", []):
            assert author["family"] and "{" not in author["family"] + author.get("given", "")
        if "issued" in item:
            assert item["issued"]["date-parts"][0][0] == int(fields["year"])


def test_printed_talk_has_references_and_no_navigation(server, browser, artifacts):
    page = browser.new_page()
    page.goto(f"{server}/{TALK_URL}")
    pdf = page.pdf(format="A4", print_background=False)
    (artifacts / "talk-page.pdf").write_bytes(pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "References" in flat and "arxiv.org/abs/1910.12008" in flat
    assert "Skip to content" not in flat
    assert "Empowering the Workforce at LinkedIn" not in flat, "the navigation was printed"
    assert "Initializing search" not in flat
    page.close()


def test_offline_zip_works_from_disk_with_search(tmp_path, browser):
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    offline = tmp_path / "site-offline"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(offline)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    archive = tmp_path / "summit-notes-offline.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_zip.py"), str(offline), str(archive)], check=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unzipped")
    index = next((tmp_path / "unzipped").rglob("index.html"))
    requests = []
    page = browser.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.goto(index.as_uri())
    page.get_by_role("link", name="Label-Free Bias Mitigation for Fair Generative Modeling").first.click()
    page.wait_for_url("**/fair-generative-modeling.html")  # fails after the default timeout if it never gets there
    assert page.locator("article h1").inner_text() == "Label-Free Bias Mitigation for Fair Generative Modeling"
    # The BibTeX entries load from disk too (a script element: fetch() fails from file://).
    item = page.locator("li[id='fn:ref-choi2020fairgen']")
    item.locator("button.bibtex__show").click()
    expect(item.locator(".bibtex__entry")).to_have_text(bib().source("choi2020fairgen"))
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("PAIRED", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    assert "unsupervised-environment-design" in first.get_attribute("href")
    # Typo tolerance works from disk too (the worker wrapper runs inside iframe-worker's shim).
    box = page.locator("input.md-search__input")
    box.press("Control+a")
    box.press_sequentially("Kenneth Stenley", delay=30)
    page.locator(".summit-search-typos strong").wait_for(timeout=10_000)
    assert page.locator(".summit-search-typos strong").inner_text() == "Stanley"
    assert "open-endedness" in page.locator(".md-search-result__item a").first.get_attribute("href")
    assert all(u.startswith(("file:", "data:", "blob:")) for u in requests), [u for u in requests if not u.startswith("file:")]
    page.close()
