"""Links in the built site: internal ones resolve, external ones are https, arXiv/DOI match the bib.

Every href/src of every HTML page is checked, generated pages (papers/, speakers/, tags/)
included. The checker is a plain function of a site folder, so a tiny broken site shows that
each rule can fail.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from site_model import bib

LINK_ATTRIBUTES = ("href", "src")
# The address the site is built for (mkdocs.yml: site_url: !ENV [SITE_URL, ...]); canonical
# links point there, so they are internal links.
DEFAULT_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
ARXIV = re.compile(r"^https://arxiv\.org/abs/(?P<id>.+)$")
DOI = re.compile(r"^https://doi\.org/(?P<id>.+)$")
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
URL_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


@lru_cache
def parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@lru_cache
def anchors(path: Path) -> frozenset[str]:
    page = parsed(path)
    ids = {el["id"] for el in page.find_all(id=True)}
    ids |= {el["name"] for el in page.find_all("a", attrs={"name": True})}
    return frozenset(ids)


def page_url(site: Path, page: Path) -> str:
    """The page's address relative to the site root, as a browser sees it ('a/b/' for a/b/index.html)."""
    relative = page.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_file(site: Path, path: str) -> Path | None:
    """The file a static host serves for a URL path, or None."""
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def links(site: Path):
    """(page, element, attribute, value) for every link-carrying attribute of every page."""
    for page in sorted(site.rglob("*.html")):
        for element in parsed(page).find_all(True):
            for attribute in LINK_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None:
                    yield page, element, attribute, value.strip()


def check_internal(site: Path, page: Path, value: str, site_url: str) -> str | None:
    if value.startswith(site_url):
        value = "/" + value[len(site_url):]
    resolved = urlsplit(urljoin(page_url(site, page), value))
    target = target_file(site, resolved.path) if resolved.path else page
    if target is None:
        return f"no file for {resolved.path}"
    if resolved.fragment and target.suffix == ".html":
        if unquote(resolved.fragment) not in anchors(target):
            return f"no id '{resolved.fragment}' in {target.relative_to(site)}"
    return None


def check_external(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme != "https":
        return "not https"
    if not HOST.match(parts.hostname or "") or parts.username or parts.password:
        return "malformed host"
    if not URL_CHARS.match(value):
        return "characters that need escaping"
    return None


def link_problems(site: Path, site_url: str = DEFAULT_SITE_URL) -> list[str]:
    problems = []
    for page, element, attribute, value in links(site):
        where = f"{page.relative_to(site)}: <{element.name} {attribute}={value!r}>"
        if not value:
            problem = "empty link"
        elif value.startswith(("data:", "blob:", "mailto:")):
            continue
        elif re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I) and not value.startswith(site_url):
            problem = check_external(value)
        elif value.startswith("//"):
            problem = "protocol-relative link"
        else:
            problem = check_internal(site, page, value, site_url)
        if problem:
            problems.append(f"{where}: {problem}")
    return problems


# --- arXiv and DOI links against references.bib --------------------------------------------


def bib_ids(bibliography) -> tuple[dict[str, str], dict[str, str]]:
    """eprint -> key and doi -> key for every entry."""
    eprints, dois = {}, {}
    for key in bibliography.keys:
        fields = bibliography.entry(key).fields
        if "eprint" in fields:
            eprints[fields["eprint"]] = key
        if "doi" in fields:
            dois[fields["doi"]] = key
    return eprints, dois


def reference_blocks(site: Path):
    """(page, key, block) for each rendered reference: talk-page footnotes and the Papers list."""
    for page in sorted(site.rglob("*.html")):
        for block in parsed(page).select('li[id^="fn:ref-"]'):
            yield page, block["id"][len("fn:ref-"):], block
        for block in parsed(page).select("div.work[id]"):
            yield page, block["id"], block


def bib_problems(site: Path, bibliography) -> list[str]:
    problems = []
    eprints, dois = bib_ids(bibliography)
    # Anywhere on the site, an arXiv or DOI link names a work of references.bib.
    for page, element, attribute, value in links(site):
        for pattern, known, field in ((ARXIV, eprints, "eprint"), (DOI, dois, "doi")):
            match = pattern.match(value)
            if match and unquote(match["id"]) not in known:
                problems.append(f"{page.relative_to(site)}: {value} is no {field} in references.bib")
    # Each rendered reference shows exactly its own entry's arXiv and DOI links.
    for page, key, block in reference_blocks(site):
        if key not in bibliography.keys:
            problems.append(f"{page.relative_to(site)}: reference '{key}' is not in references.bib")
            continue
        fields = bibliography.entry(key).fields
        hrefs = {a["href"] for a in block.find_all("a", href=True)}
        for pattern, field, base in ((ARXIV, "eprint", "https://arxiv.org/abs/"), (DOI, "doi", "https://doi.org/")):
            shown = {h for h in hrefs if pattern.match(h)}
            expected = {base + fields[field]} if field in fields else set()
            if field == "eprint" and fields.get("url", "").startswith(base):
                expected.add(fields["url"])
            if field in fields and not shown & expected:
                problems.append(f"{page.relative_to(site)}: {key} has {field} but no link {base}{fields[field]}")
            if shown - expected:
                problems.append(f"{page.relative_to(site)}: {key} links {sorted(shown - expected)}, "
                                f"its {field} is {fields.get(field, 'absent')}")
    return problems


# --- The real site ----------------------------------------------------------------------------


def test_every_link_resolves_and_external_links_are_https(site):
    problems = link_problems(site)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:40])


def test_generated_pages_are_checked(site):
    pages = {page.relative_to(site).parts[0] for page, *_ in links(site)}
    assert {"papers", "speakers", "tags"} <= pages


def test_arxiv_and_doi_links_agree_with_references_bib(site):
    blocks = list(reference_blocks(site))
    assert len({key for _, key, _ in blocks}) > 50, "no rendered references found to check"
    problems = bib_problems(site, bib())
    assert not problems, "\n".join(problems[:40])


# --- Each rule can fail: a tiny site with one break of each kind -----------------------------


class FakeEntry:
    def __init__(self, **fields):
        self.fields = fields


class FakeBib:
    def __init__(self, entries):
        self.entries = entries
        self.keys = list(entries)

    def entry(self, key):
        return self.entries[key]


@pytest.fixture
def broken_site(tmp_path) -> Path:
    (tmp_path / "talk").mkdir()
    (tmp_path / "index.html").write_text('<h1 id="top">Home</h1>', encoding="utf-8")
    (tmp_path / "talk/index.html").write_text(
        """<h2 id="notes">Notes</h2>
        <a href="../">ok</a> <a href="../#top">ok</a> <a href="#notes">ok</a>
        <a href="http://127.0.0.1:8000/talk/">ok, site_url</a>
        <a href="../missing/">missing page</a> <a href="../#nowhere">missing anchor</a>
        <a href="http://example.org/x">plain http</a> <a href="https://exa mple.org/">bad host</a>
        <img src="../img.svg">
        <ol><li id="fn:ref-good"><a href="https://arxiv.org/abs/1234.5678">arXiv</a>
                                  <a href="https://doi.org/10.1/good">doi</a></li>
            <li id="fn:ref-wrong"><a href="https://arxiv.org/abs/9999.0000">arXiv</a></li></ol>
        """,
        encoding="utf-8",
    )
    return tmp_path


def test_link_checker_reports_each_kind_of_break(broken_site):
    problems = "\n".join(link_problems(broken_site))
    for expected in ("no file for /missing/", "no id 'nowhere' in index.html", "'http://example.org/x'>: not https",
                     "exa mple.org/'>: malformed host", "no file for /img.svg"):
        assert expected in problems, problems
    assert len(link_problems(broken_site)) == 5, problems


def test_bib_checker_reports_a_wrong_arxiv_link(broken_site):
    fake = FakeBib({"good": FakeEntry(eprint="1234.5678", doi="10.1/good"),
                    "wrong": FakeEntry(eprint="2001.00001")})
    problems = "\n".join(bib_problems(broken_site, fake))
    assert "9999.0000 is no eprint" in problems
    assert "wrong has eprint but no link https://arxiv.org/abs/2001.00001" in problems
    assert "good" not in problems
