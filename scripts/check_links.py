"""Check every external link of the built site and of references.bib (`make check-links`).

    python scripts/check_links.py [--site site] [--bib references.bib]

One line per problem, naming where the link lives so the entry can be fixed:

    BROKEN 404 https://… (page /papers/; references.bib:336 stanley2017oreilly)
    BROKEN timeout https://… (…)
    MOVED 301 https://old… -> https://new… (…)
    BLOCKED 403 https://… (…)

BROKEN (4xx, 5xx, DNS, connection, timeout, too many redirects) exits 1. MOVED (the address
answers through a permanent redirect; the new target is printed) and BLOCKED (a bot check
answered: Cloudflare's `cf-mitigated: challenge`, so the link can be neither confirmed nor
denied by a script) are warnings: the reader still gets there, a person should look.

Why httpx and our own reporting rather than a ready link checker: none of those offered by the
registries we use gives both things the issue asks for. LinkChecker (PyPI) crawls pages and
names the parent page, but knows nothing of references.bib keys; lychee is a Rust binary (not
on PyPI; the npm package "lychee" is an unrelated database library) and names input files, not
bib keys. httpx is a well-kept async HTTP client (HTTP/1.1 here; four packages, where aiohttp
would bring seven); the few rules on top of it are below: parallel requests with a per-host
limit, HEAD then GET, retries with back-off for 5xx/timeouts/connection errors, Retry-After on
429, redirects followed by hand so that a permanent one is reported with its target.
"""

from __future__ import annotations

import argparse
import asyncio
from concurrent.futures import ThreadPoolExecutor
import re
import socket
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]
# Says who asks and why, so a site owner reading the logs knows it is one polite weekly check.
USER_AGENT = "summit-notes-link-check/1.0 (weekly link check of the Summit Notes site; httpx)"
PERMANENT = (301, 308)
REDIRECT = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Settings:
    timeout: float = 20.0  # seconds for one attempt, redirects included
    retries: int = 2  # further attempts after a 5xx, 429, timeout or connection error
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    max_wait: float = 60.0  # a longer Retry-After is cut to this, so a run stays bounded
    per_host: int = 2  # requests in flight to one host: polite to small servers
    workers: int = 16  # requests in flight overall
    max_redirects: int = 10
    trust_env: bool = True  # proxy variables; the tests turn them off to stay on 127.0.0.1


@dataclass(frozen=True)
class Outcome:
    url: str
    state: str  # "ok", "moved", "blocked" or "broken"
    reason: str  # the status code, or "timeout", "DNS", "connection failed", …
    target: str = ""  # for "moved": where the permanent redirects lead
    transient: bool = field(default=False, compare=False)  # worth another attempt
    wait: float | None = field(default=None, compare=False)  # the server's Retry-After


# --- Where the links are --------------------------------------------------------------------

class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href") or ""
            return  # the page's own public address, not a link to check
        self.links += [v for k, v in attrs if k in ("href", "src") and v]


def site_links(site: Path) -> Iterator[tuple[str, str]]:
    """(url, "page <path>") for every http(s) href/src of the built site, outside the site itself."""
    # Canonical links point at the site's own public address (site_url): internal, not checked.
    home = _Hrefs()
    home.feed((site / "index.html").read_text(encoding="utf-8"))
    own = home.canonical or "\0"
    for page in sorted(site.rglob("*.html")):
        parser = _Hrefs()
        parser.feed(page.read_text(encoding="utf-8"))
        name = "/" + page.relative_to(site).as_posix().removesuffix("index.html")
        for url in parser.links:
            if url.startswith(("http://", "https://")) and not url.startswith(own):
                yield url, f"page {name}"


def bib_links(bib: Path) -> Iterator[tuple[str, str]]:
    """(url, "references.bib:<line> <key>") for the url and doi of every entry."""
    from pybtex.database import parse_file

    text = bib.read_text(encoding="utf-8")
    for key, entry in parse_file(str(bib), bib_format="bibtex").entries.items():
        match = re.search(r"@\w+\s*\{\s*" + re.escape(key) + r"\s*,", text)
        line = text.count("\n", 0, match.start()) + 1 if match else 0
        where = f"{bib.name}:{line} {key}"
        if url := entry.fields.get("url"):
            yield url, where
        if doi := entry.fields.get("doi"):
            yield f"https://doi.org/{doi}", where


def group(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """url (without #fragment, which no server sees) -> the places it appears, in order, once each."""
    places: dict[str, list[str]] = defaultdict(list)
    for url, where in pairs:
        bare = urldefrag(url).url
        if where not in places[bare]:
            places[bare].append(where)
    return dict(sorted(places.items()))


# --- Asking the servers ---------------------------------------------------------------------

async def _request(client: httpx.AsyncClient, url: str) -> httpx.Response:
    response = await client.head(url)
    # Some servers refuse HEAD (403, 404, 405, 501…) but serve GET; a 429 is waited out instead.
    if response.status_code >= 400 and response.status_code != 429:
        async with client.stream("GET", url) as response:
            pass  # the status and headers are enough: the body is never read
    return response


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.strip().isdigit() else None  # the HTTP-date form is rare: back off


async def _follow(client: httpx.AsyncClient, url: str, settings: Settings) -> Outcome:
    """One attempt: follow redirects by hand, so that leading permanent ones give the new address."""
    current, moved_to, moved_status, permanent = url, "", "", True
    for _ in range(settings.max_redirects + 1):
        response = await _request(client, current)
        status = response.status_code
        if status in REDIRECT and "location" in response.headers:
            current = urljoin(current, response.headers["location"])
            permanent = permanent and status in PERMANENT  # a temporary hop: keep the link as is
            if permanent:
                moved_to, moved_status = current, moved_status or str(status)
            continue
        if status < 400:
            if moved_to:
                return Outcome(url, "moved", moved_status, moved_to)
            return Outcome(url, "ok", str(status))
        if response.headers.get("cf-mitigated") == "challenge":
            return Outcome(url, "blocked", str(status))
        via = f" (via {moved_to})" if moved_to else ""
        return Outcome(url, "broken", f"{status}{via}", transient=status >= 500 or status == 429,
                       wait=_retry_after(response) if status in (429, 503) else None)
    return Outcome(url, "broken", "too many redirects")


def describe(error: BaseException) -> str:
    """A few words for a failed request: 'DNS', 'timeout', 'TLS', 'connection failed'."""
    chain, cause = [], error
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(isinstance(e, socket.gaierror) for e in chain):
        return "DNS"
    if any(isinstance(e, (httpx.TimeoutException, TimeoutError)) for e in chain):
        return "timeout"
    if any("CERTIFICATE" in str(e) or "SSL" in str(e) for e in chain):
        return "TLS"
    if isinstance(error, httpx.UnsupportedProtocol):
        return "unsupported scheme"
    return "connection failed"


async def check_url(client: httpx.AsyncClient, url: str, settings: Settings,
                    slots: asyncio.Semaphore, host_slots: dict[str, asyncio.Semaphore]) -> Outcome:
    host = urlsplit(url).hostname or ""
    async with slots, host_slots[host]:
        delay = settings.backoff
        for _ in range(settings.retries):
            outcome = await _attempt(client, url, settings)
            if not outcome.transient:
                return outcome
            wait = outcome.wait if outcome.wait is not None else delay
            await asyncio.sleep(min(wait, settings.max_wait))
            delay *= 2
        return await _attempt(client, url, settings)


async def _attempt(client: httpx.AsyncClient, url: str, settings: Settings) -> Outcome:
    try:
        # httpx's timeout is per read, so a server that trickles bytes could outlast it.
        return await asyncio.wait_for(_follow(client, url, settings), settings.timeout)
    except (httpx.HTTPError, httpx.InvalidURL, OSError, TimeoutError) as error:
        return Outcome(url, "broken", describe(error), transient=True)


async def check(urls: Iterable[str], settings: Settings = Settings()) -> list[Outcome]:
    """Check each url once, in parallel; the outcomes come back in the order of urls."""
    urls = list(dict.fromkeys(urls))
    slots = asyncio.Semaphore(settings.workers)
    host_slots: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(settings.per_host))
    limits = httpx.Limits(max_connections=settings.workers)  # never waits: the slots already bound it
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, timeout=settings.timeout,
                                 limits=limits, trust_env=settings.trust_env) as client:
        return await asyncio.gather(*(check_url(client, u, settings, slots, host_slots) for u in urls))


# --- Report ---------------------------------------------------------------------------------

def report(outcomes: Iterable[Outcome], places: dict[str, list[str]]) -> list[str]:
    """One line per link that is not plainly fine: BROKEN first, then MOVED, then BLOCKED."""
    lines: dict[str, list[str]] = {"broken": [], "moved": [], "blocked": []}
    for o in outcomes:
        if o.state in lines:
            where = f" ({'; '.join(places.get(o.url, []))})" if places.get(o.url) else ""
            arrow = f" -> {o.target}" if o.state == "moved" else ""
            lines[o.state].append(f"{o.state.upper()} {o.reason} {o.url}{arrow}{where}")
    return lines["broken"] + lines["moved"] + lines["blocked"]


def run(places: dict[str, list[str]], settings: Settings = Settings()) -> tuple[int, list[str]]:
    """(exit code, report lines with a closing count) for the links in places."""
    # asyncio.run refuses to start in a thread whose loop is running (pytest in a process where
    # Playwright's sync API runs one): the checker gets a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        outcomes = pool.submit(asyncio.run, check(list(places), settings)).result()
    lines = report(outcomes, places)
    counts = {s: sum(o.state == s for o in outcomes) for s in ("broken", "moved", "blocked")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    lines.append(f"checked {len(outcomes)} external links: {summary}")
    return (1 if counts["broken"] else 0), lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make build)")
    parser.add_argument("--bib", type=Path, default=ROOT / "references.bib")
    parser.add_argument("--timeout", type=float, default=Settings.timeout)
    parser.add_argument("--retries", type=int, default=Settings.retries)
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"check-links: no built site in {args.site} (run make build first)")
        return 2
    try:
        places = group([*site_links(args.site), *bib_links(args.bib)])
    except Exception as error:  # an unreadable or malformed bib: one line, not a traceback
        print(f"check-links: cannot read {args.bib}: {error}")
        return 2
    code, lines = run(places, Settings(timeout=args.timeout, retries=args.retries))
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    sys.exit(main())
