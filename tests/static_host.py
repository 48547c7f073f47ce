"""Serve a built site on 127.0.0.1 the way a static host such as GitHub Pages does:
under a sub-path, gzip-compressed text, and the site's own 404 page for missing files."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

SITE_PATH = "/gtc2024/"  # a sub-path, as on GitHub Pages project sites
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SITE_PATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(SITE_PATH) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if not path.is_file():
            return self._send_body(404, Path(self.directory) / "404.html")
        return self._send_body(200, path)

    def _send_body(self, status: int, path: Path):
        body = path.read_bytes() if path.is_file() else b"Not found"
        content_type = self.guess_type(str(path)) if path.is_file() else "text/plain"
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(COMPRESSED_TYPES):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, *args) -> None:
        pass


def serve_site(site_dir: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving site_dir in a background thread; return the server and the site's base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"


def reserve_address() -> tuple[http.server.ThreadingHTTPServer, str]:
    """A server bound to a free port before the site exists, so the site can be built for its address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SiteHandler)
    return server, f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"


def start(server: http.server.ThreadingHTTPServer, site_dir: Path) -> None:
    server.RequestHandlerClass = functools.partial(SiteHandler, directory=str(site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
