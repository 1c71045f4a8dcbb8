"""A tiny static host for benchmarks: serves a folder on 127.0.0.1 with gzip for text types.

Like a typical static host (GitHub Pages, Netlify, nginx with gzip on): text responses are
compressed when the client accepts gzip; images other than SVG and fonts are sent as they are.
Run alone: python scripts/gzip_server.py site/ [port]
"""

from __future__ import annotations

import gzip
import http.server
import sys
import threading
from functools import lru_cache
from pathlib import Path

COMPRESSED_TYPES = (
    "text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
)


@lru_cache(maxsize=None)
def gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class CountingWriter:
    """The response stream, counting what goes over the wire (status line, headers, body)."""

    def __init__(self, raw):
        self.raw = raw
        self.count = 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):  # closed, close, … of the socket writer
        return getattr(self.raw, name)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host
    transfers: list[tuple[str, int]]  # (path, bytes sent), shared by the server's handlers

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.wfile = CountingWriter(self.wfile)

    def handle_one_request(self):
        before = self.wfile.count
        super().handle_one_request()
        if self.wfile.count > before:
            self.transfers.append((self.path, self.wfile.count - before))

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the 301 to the slashed address
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts or not ctype.startswith(COMPRESSED_TYPES):
            return super().send_head()
        body = gzipped(path, path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self._body = body
        return None

    def do_GET(self):
        self._body = None
        result = self.send_head()
        if self._body is not None:
            self.wfile.write(self._body)
        elif result:
            try:
                self.copyfile(result, self.wfile)
            finally:
                result.close()

    def do_HEAD(self):
        self._body = None
        result = self.send_head()
        if result:
            result.close()


def start(directory: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve directory in a daemon thread; returns the server and its origin.

    server.transfers lists (path, bytes sent) for every response, for page-weight figures.
    """
    transfers: list[tuple[str, int]] = []
    handler_class = type("Handler", (GzipHandler,), {"transfers": transfers})
    handler = lambda *args, **kwargs: handler_class(*args, directory=str(directory), **kwargs)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.transfers = transfers
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


if __name__ == "__main__":
    server, origin = start(Path(sys.argv[1] if len(sys.argv) > 1 else "site"),
                           int(sys.argv[2]) if len(sys.argv) > 2 else 8001)
    print(f"serving {sys.argv[1] if len(sys.argv) > 1 else 'site'} with gzip at {origin}/")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
