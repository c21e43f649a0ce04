"""Visitor-controlled text in a real browser: a crafted link shows its text and fetches nothing."""

from __future__ import annotations

import http.server
import threading
import urllib.parse
from collections.abc import Iterator

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def listener() -> Iterator[dict]:
    """A local web server that counts every request it receives."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (the standard library's name)
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_address[1]}", "hits": hits}
    server.shutdown()


def test_a_crafted_problem_link_is_text_only(app_server: dict, page, listener: dict) -> None:
    crafted = f"x](({listener['url']}/click) ![pixel]({listener['url']}/pixel.png) <img src={listener['url']}/raw.png>"
    page.goto(f"{app_server['url']}/practice?problem={urllib.parse.quote(crafted)}")
    warning = page.locator("[data-testid='stAlert']").filter(has_text="no exercise called").first
    warning.wait_for(timeout=120_000)
    page.wait_for_timeout(1_000)
    assert "![pixel](" in warning.inner_text()  # shown as the characters that were sent
    assert warning.locator("a, img").count() == 0
    assert page.locator(f"img[src^='{listener['url']}'], a[href^='{listener['url']}']").count() == 0
    assert listener["hits"] == []
    screenshot(page, "crafted-link")
