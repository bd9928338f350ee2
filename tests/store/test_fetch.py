"""Fetching a URL the user asked for, against a local web server (no outside network)."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from workbench.errors import BadInput
from workbench.ingest import fetch_url

PAGE = (
    "<html><head><title>Jalan kota rusak</title></head><body><nav>Menu Beranda</nav>"
    "<article><p>Wali Kota Basri Rase berkata, &quot;Jalan kota akan diperbaiki tahun ini.&quot;</p>"
    "<p>Warga sudah menunggu perbaikan itu selama lima tahun dan berharap janji itu ditepati.</p></article>"
    "</body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        routes = {
            "/artikel": ("text/html; charset=utf-8", PAGE),
            "/polos": ("text/plain; charset=utf-8", 'Ana berkata, "Kami siap."'),
            "/gambar": ("image/png", "\x89PNG"),
        }
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        content_type, body = routes[self.path]
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_becomes_an_article_with_its_url(server):
    item = fetch_url(f"{server}/artikel")
    assert item.url == item.source == f"{server}/artikel"
    assert "Jalan kota akan diperbaiki tahun ini." in item.text
    assert fetch_url(f"{server}/polos").text == 'Ana berkata, "Kami siap."'


@pytest.mark.parametrize(
    ("path", "message"),
    [("/hilang", "HTTP 404"), ("/gambar", "is not a web page or text (image/png)")],
)
def test_failures_are_bad_input_naming_the_url(server, path, message):
    with pytest.raises(BadInput, match=re.escape(message)) as caught:
        fetch_url(f"{server}{path}")
    assert str(caught.value).startswith(f"{server}{path}: ")


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "not a url", ""])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(BadInput, match="is not a web address"):
        fetch_url(url)


def test_unreachable_host_is_bad_input():
    with pytest.raises(BadInput, match="could not be fetched"):
        fetch_url("http://127.0.0.1:9/nothing-listens-here")
