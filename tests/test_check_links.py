"""scripts/check_links.py against a local HTTP server: each kind of answer gives its report line.

There is no internet in the tests: every request goes to a server on 127.0.0.1 started here
(proxy variables are ignored), and the DNS failure is made by a patched resolver, so not even
a name lookup leaves the machine. Timeouts and retries are shrunk so the file runs in seconds.
"""

from __future__ import annotations

import http.server
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import check_links  # noqa: E402  (scripts/ is not a package)
from check_links import Settings, group, run  # noqa: E402

FAST = Settings(timeout=0.5, retries=1, backoff=0.01, max_wait=0.05, per_host=4,
                max_redirects=4, trust_env=False)


@dataclass
class Log:
    """What the server saw: (method, path, user agent), and the most requests it held at once."""
    requests: list[tuple[str, str, str]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)

    def count(self, method: str, path: str) -> int:
        return sum(1 for m, p, _ in self.requests if (m, p) == (method, path))


# path -> (status, extra headers); HEAD and GET get the same answer unless said otherwise.
ROUTES: dict[str, tuple[int, dict[str, str]]] = {
    "/ok": (200, {}),
    "/new": (200, {}),
    "/old": (301, {"Location": "/new"}),
    "/old-twice": (308, {"Location": "/old"}),
    "/temporary": (302, {"Location": "/new"}),
    "/moved-then-gone": (301, {"Location": "/gone"}),
    "/gone": (404, {}),
    "/error": (500, {}),
    "/walled": (403, {"cf-mitigated": "challenge"}),
    "/loop": (301, {"Location": "/loop"}),
}


def handler(log: Log) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass  # keep the test output to pytest's

        def answer(self, status: int, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def serve(self) -> None:
            path = self.path.split("?")[0]
            with log.lock:
                log.requests.append((self.command, path, self.headers.get("User-Agent", "")))
                log.in_flight += 1
                log.most_in_flight = max(log.most_in_flight, log.in_flight)
            try:
                self.route(path)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the checker gave up on a slow answer, as it should
            finally:
                with log.lock:
                    log.in_flight -= 1

        def route(self, path: str) -> None:
            if path == "/slow":
                log.release.wait(3)  # far past the checker's timeout; released at teardown
                self.answer(200)
            elif path == "/trickle":  # a header line every 0.1 s: each read is quick, the whole is not
                self.wfile.write(b"HTTP/1.0 200 OK\r\n")
                for _ in range(30):  # 3 s at most, so a checker without a deadline fails, not hangs
                    if log.release.wait(0.1):
                        return
                    self.wfile.write(b"X-Pad: 1\r\n")
                    self.wfile.flush()
                self.wfile.write(b"Content-Length: 0\r\n\r\n")
            elif path == "/held":
                time.sleep(0.15)  # long enough for requests to overlap
                self.answer(200)
            elif path == "/no-head":
                self.answer(405 if self.command == "HEAD" else 200)
            elif path == "/busy":  # rate-limited once, then fine
                first = log.count(self.command, path) == 1 and self.command == "HEAD"
                self.answer(429, {"Retry-After": "0"}) if first else self.answer(200)
            else:
                self.answer(*ROUTES.get(path, (404, {})))

        do_HEAD = do_GET = serve

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Log]]:
    log = Log()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler(log))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", log
    log.release.set()
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    """A port of 127.0.0.1 nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_each_answer_gives_its_line(server):
    base, log = server
    dead = f"http://127.0.0.1:{closed_port()}/"
    places = group([
        (f"{base}/ok", "page /a/"),
        (f"{base}/old", "page /a/"), (f"{base}/old", "references.bib:3 old-key"),
        (f"{base}/old-twice", "page /b/"),
        (f"{base}/temporary", "page /b/"),
        (f"{base}/moved-then-gone", "references.bib:9 gone-key"),
        (f"{base}/gone#section", "page /a/"), (f"{base}/gone", "references.bib:7 gone-key"),
        (f"{base}/error", "page /c/"),
        (f"{base}/slow", "page /c/"),
        (f"{base}/trickle", "page /c/"),
        (f"{base}/no-head", "page /c/"),
        (f"{base}/busy", "page /c/"),
        (f"{base}/walled", "references.bib:11 walled-key"),
        (f"{base}/loop", "page /c/"),
        (dead, "page /d/"),
    ])
    start = time.perf_counter()
    code, lines = run(places, FAST)
    seconds = time.perf_counter() - start

    broken = {  # in the report's order, by address: the two ports may sort either way
        dead: f"BROKEN connection failed {dead} (page /d/)",
        f"{base}/error": f"BROKEN 500 {base}/error (page /c/)",
        f"{base}/gone": f"BROKEN 404 {base}/gone (page /a/; references.bib:7 gone-key)",
        f"{base}/loop": f"BROKEN too many redirects {base}/loop (page /c/)",
        f"{base}/moved-then-gone":
            f"BROKEN 404 (via {base}/gone) {base}/moved-then-gone (references.bib:9 gone-key)",
        f"{base}/slow": f"BROKEN timeout {base}/slow (page /c/)",
        f"{base}/trickle": f"BROKEN timeout {base}/trickle (page /c/)",
    }
    assert lines == [broken[url] for url in sorted(broken)] + [
        f"MOVED 301 {base}/old -> {base}/new (page /a/; references.bib:3 old-key)",
        f"MOVED 308 {base}/old-twice -> {base}/new (page /b/)",
        f"BLOCKED 403 {base}/walled (references.bib:11 walled-key)",
        "checked 14 external links: 7 broken, 2 moved, 1 blocked",
    ]
    assert code == 1
    # A 302 is temporary (the link stays), HEAD refused falls back to GET, 429 is waited out.
    assert not any("/temporary" in line or "/no-head" in line or "/busy" in line for line in lines)
    assert log.count("GET", "/no-head") == 1
    assert log.count("HEAD", "/busy") == 2
    # Bounded: a 5xx is tried 1 + retries times, the slow ones time out on each attempt.
    assert log.count("HEAD", "/error") == 1 + FAST.retries
    assert log.count("HEAD", "/moved-then-gone") == 1, "a 404 is final: no retry"
    assert seconds < (1 + FAST.retries) * FAST.timeout + 1.5


def test_moved_alone_exits_zero(server):
    base, _ = server
    code, lines = run(group([(f"{base}/ok", "page /"), (f"{base}/old", "page /")]), FAST)
    assert (code, lines) == (0, [
        f"MOVED 301 {base}/old -> {base}/new (page /)",
        "checked 2 external links: 0 broken, 1 moved, 0 blocked",
    ])


def test_polite_user_agent_and_per_host_limit(server):
    base, log = server
    places = group((f"{base}/held?n={n}", "page /") for n in range(6))
    code, _ = run(places, Settings(**{**FAST.__dict__, "per_host": 2, "timeout": 2.0}))
    assert code == 0
    assert log.most_in_flight == 2, "in parallel, but never more than per_host at one host"
    assert {agent for _, _, agent in log.requests} == {check_links.USER_AGENT}


def test_unknown_host_is_reported_as_dns(monkeypatch):
    asked: list[str] = []
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if host in ("links.test", b"links.test"):
            asked.append("links.test")
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    code, lines = run(group([("https://links.test/paper", "references.bib:1 key")]), FAST)
    assert asked, "the patched resolver was used, so no lookup left the machine"
    assert (code, lines[0]) == (1, "BROKEN DNS https://links.test/paper (references.bib:1 key)")


def test_links_come_from_the_site_and_the_bib(tmp_path):
    site = tmp_path / "site"
    (site / "talk").mkdir(parents=True)
    own = '<link rel="canonical" href="https://notes.test/">'
    (site / "index.html").write_text(f'{own}<a href="https://notes.test/talk/">internal</a>'
                                     '<a href="/talk/">relative</a>')
    (site / "talk" / "index.html").write_text(
        '<link rel="canonical" href="https://notes.test/talk/">'
        '<a href="https://blog.test/post#part">post</a><img src="http://img.test/a.png">'
        '<a href="mailto:x@y.test">mail</a>')
    bib = tmp_path / "references.bib"
    bib.write_text("@misc{post,\n  title = {P},\n  url = {https://blog.test/post}\n}\n\n"
                   "@article{paper,\n  title = {Q},\n  doi = {10.1/abc}\n}\n")
    places = group([*check_links.site_links(site), *check_links.bib_links(bib)])
    assert places == {
        "http://img.test/a.png": ["page /talk/"],
        "https://blog.test/post": ["page /talk/", "references.bib:1 post"],
        "https://doi.org/10.1/abc": ["references.bib:6 paper"],
    }


def test_bad_input_is_one_line(tmp_path, capsys):
    assert check_links.main(["--site", str(tmp_path)]) == 2
    (tmp_path / "index.html").write_text("<p>")
    bib = tmp_path / "broken.bib"
    bib.write_text("@misc{a,\n title = {x},\n}\n@misc{a,\n title = {y}\n}\n")
    assert check_links.main(["--site", str(tmp_path), "--bib", str(bib)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"check-links: no built site in {tmp_path} (run make build first)"
    assert out[1].startswith(f"check-links: cannot read {bib}: ") and len(out) == 2


def test_the_real_bib_is_read_with_keys_and_lines():
    places = group(check_links.bib_links(ROOT / "references.bib"))
    text = (ROOT / "references.bib").read_text(encoding="utf-8").splitlines()
    for url, where in places.items():
        assert url.startswith("https://"), url
        for place in where:
            line, key = place.removeprefix("references.bib:").split(" ")
            assert text[int(line) - 1].split("{")[1].rstrip(",") == key, place


def test_command_line_reads_site_and_bib_and_exits_1_on_broken(server, tmp_path, capsys, monkeypatch):
    base, _ = server
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(proxy, raising=False)  # the command honours proxies; here, stay local
    (tmp_path / "index.html").write_text(f'<a href="{base}/ok">ok</a><a href="{base}/old">old</a>')
    bib = tmp_path / "references.bib"
    bib.write_text(f"@misc{{lost,\n  url = {{{base}/gone}}\n}}\n")
    code = check_links.main(["--site", str(tmp_path), "--bib", str(bib), "--timeout", "2", "--retries", "0"])
    assert capsys.readouterr().out.splitlines() == [
        f"BROKEN 404 {base}/gone (references.bib:1 lost)",
        f"MOVED 301 {base}/old -> {base}/new (page /)",
        "checked 3 external links: 1 broken, 1 moved, 0 blocked",
    ]
    assert code == 1
