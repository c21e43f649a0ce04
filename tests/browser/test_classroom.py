"""In Chromium: the profile remembered by the browser, and presenter mode measured on a 1280x720 screen."""

from __future__ import annotations

import urllib.parse

import pytest

from dojo.profile_cookie import NAME as COOKIE
from dojo.store import DB_NAME, Store
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser
PROJECTOR = {"width": 1280, "height": 720}


def _profile_in_address(page) -> str:
    page.wait_for_url(lambda url: "u=" in url, timeout=60_000)
    return urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["u"][0]


def _open(context, address: str) -> tuple[object, str]:
    """Open `address` in a new tab of `context`; the tab and the profile the app chose for it."""
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(address)
    page.get_by_role("heading", name="About NNX Dojo").first.wait_for()
    profile = _profile_in_address(page)
    page.wait_for_function(f"() => document.cookie.includes('{COOKIE}={profile}')")
    return page, profile


def test_the_browser_remembers_the_profile_and_u_takes_precedence(app_server: dict, browser) -> None:
    url = app_server["url"]
    context = browser.new_context(viewport=PROJECTOR)
    try:
        first, profile = _open(context, f"{url}/about")
        first.close()  # the student closes the tab and opens the bare link again
        again, remembered = _open(context, f"{url}/about")
        assert remembered == profile
        again.close()

        other = Store(app_server["data_dir"] / DB_NAME).create_profile()  # e.g. made on another device
        moved, chosen = _open(context, f"{url}/about?u={other}")
        assert chosen == other
        moved.close()
        _, remembered = _open(context, f"{url}/about")
        assert remembered == other
    finally:
        context.close()


@pytest.mark.parametrize("forged", ["a" * 22, "x; Path=/; evil=1", "<script>alert(1)</script>"])
def test_a_forged_cookie_is_not_honoured(app_server: dict, browser, forged: str) -> None:
    context = browser.new_context(viewport=PROJECTOR)
    try:
        context.add_cookies([{"name": COOKIE, "value": urllib.parse.quote(forged), "url": app_server["url"]}])
        page, profile = _open(context, f"{app_server['url']}/about")
        assert profile not in (forged, urllib.parse.quote(forged)) and len(profile) == 22
        assert not page.locator("script:has-text('alert(1)')").count()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_presenter_mode_on_a_projector(app_server: dict, browser, scheme: str) -> None:
    context = browser.new_context(viewport=PROJECTOR, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{app_server['url']}/practice?problem=nnx-optimizer-basics&present=1")
        page.get_by_role("heading", name="NNX Optimizer Basics").first.wait_for()
        frame = page.wait_for_selector("iframe[title*='streamlit_ace']").content_frame()
        frame.wait_for_selector(".ace_content")
        font = frame.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.ace_editor')).fontSize)")
        assert font >= 22
        statement = page.locator("[data-testid='stMarkdownContainer'] p").first
        assert statement.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") >= 22
        assert page.locator("[data-testid='stSidebar']").get_attribute("data-collapsed") == "true"
        colours = page.evaluate(
            "() => { const s = getComputedStyle(document.querySelector('.stApp'));"
            " return [s.backgroundColor, getComputedStyle(document.querySelector("
            "\"[data-testid='stMarkdownContainer'] p\")).color]; }"
        )
        white, black = "rgb(255, 255, 255)", "rgb(0, 0, 0)"
        assert colours == ([white, black] if scheme == "light" else [black, white])  # background, text
        page.wait_for_timeout(1_000)
        screenshot(page, f"presenter-{scheme}")
    finally:
        context.close()
