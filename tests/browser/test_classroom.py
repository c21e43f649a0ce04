"""In Chromium: a class run in two browsers, the profile remembered by the browser, presenter mode at 1280x720."""

from __future__ import annotations

import time
import urllib.parse

import pytest

from checker.verdict import CaseResult, ErrorInfo, Status, Verdict
from dojo import classroom
from dojo.profile_cookie import NAME as COOKIE
from dojo.store import DB_NAME, Store
from tests.browser.conftest import TEACHER_KEY, screenshot
from tests.conftest import PROJECT_ROOT

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


def _sign_in_as_teacher(page, url: str) -> None:
    page.goto(f"{url}/teacher")
    page.get_by_label("Teacher key").fill(TEACHER_KEY)
    page.get_by_role("button", name="Open").click()
    page.get_by_text("Signed in as a teacher").first.wait_for()


def _pick_exercise(page, title: str) -> None:
    page.get_by_label("Today's exercises").click()
    page.keyboard.type(title)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.locator("[data-testid='stMultiSelect']").get_by_text(title).first.wait_for()


def _solved_count(page) -> str:
    metric = page.locator("[data-testid='stMetric']").filter(has_text="Solved")
    return metric.locator("[data-testid='stMetricValue']").inner_text()


def _populate(data_dir, class_code: str, slug: str) -> None:
    """Eight more students with mixed results, so the screenshots show a class at work."""
    store = Store(data_dir / DB_NAME)
    klass = classroom.class_by_code(store, class_code)
    error = ErrorInfo("TypeError", "unsupported operand", 12, None, "", ["Forgot the optimizer: call opt.update"])
    for n, name in enumerate(["Bea", "Chen", "Dara", "Emil", "Femi", "Gus", "Hana", "Ines"]):
        profile = store.create_profile()
        classroom.join(store, klass, profile, name)
        if n < 6:
            case = CaseResult("case-3", True, Status.RUNTIME_ERROR if n % 2 else Status.WRONG_ANSWER, error=error)
            failed = Verdict(slug, "submit", case.status, 2, 7, "", [case])
            store.record_submission(profile, failed.to_json(), "x", slug=slug, mode="submit",
                                    status=failed.status.value, passed=2, total=7)  # fmt: skip
        if n < 3:
            store.record_submission(profile, "{}", "x", slug=slug, mode="submit", status="accepted", passed=7, total=7)
    store.close()


def test_a_class_in_two_browsers(app_server: dict, browser) -> None:
    url, slug, title = app_server["url"], "nnx-optimizer-basics", "NNX Optimizer Basics"
    right = (PROJECT_ROOT / "problems" / slug / "right" / "jit_step.py").read_text()
    teacher_context = browser.new_context(viewport=PROJECTOR)
    student_context = browser.new_context(viewport=PROJECTOR)
    try:
        teacher = teacher_context.new_page()
        teacher.set_default_timeout(60_000)
        _sign_in_as_teacher(teacher, url)
        teacher.get_by_label("Class name").fill("Thursday lab")
        teacher.get_by_role("button", name="Create class").click()
        link = teacher.locator("[data-testid='stCode']").filter(has_text="?class=").first.inner_text().strip()
        assert link.startswith(f"{url}/?class=")
        _pick_exercise(teacher, title)
        teacher.get_by_text("No student has joined yet").first.wait_for()

        student = student_context.new_page()
        student.set_default_timeout(60_000)
        student.goto(link)
        student.get_by_label("Your name").fill("Ada")
        student.get_by_role("button", name="Join").click()
        student.get_by_text("Today in Thursday lab").first.wait_for()
        student.get_by_role("link", name=title).first.click()
        frame = student.wait_for_selector("iframe[title*='streamlit_ace']").content_frame()
        frame.wait_for_selector(".ace_content")
        frame.evaluate("(code) => ace.edit(document.querySelector('.ace_editor')).setValue(code, 1)", right)
        student.wait_for_timeout(1_000)  # the editor sends its text after a short pause
        student.get_by_role("button", name="Submit").click()
        student.locator("[data-testid='stAlert']").filter(has_text="Accepted").first.wait_for(timeout=180_000)

        accepted_at = time.monotonic()  # the teacher's page has not been touched since the class was made
        teacher.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetric]')].some("
            "m => m.innerText.includes('Solved') && m.innerText.includes('1 / 1'))",
            timeout=20_000,
        )
        print(f"\nthe teacher's dashboard showed the solve {time.monotonic() - accepted_at:.1f} s after the verdict")
        assert _solved_count(teacher) == "1 / 1"

        _populate(app_server["data_dir"], link.rsplit("=", 1)[1], slug)
        teacher.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMetric]')].some(m => m.innerText.includes('4 / 9'))",
            timeout=20_000,
        )
        _dashboard_screenshot(teacher, "dashboard-light")
        dark_context = browser.new_context(viewport=PROJECTOR, color_scheme="dark")
        dark = dark_context.new_page()
        dark.set_default_timeout(60_000)
        _sign_in_as_teacher(dark, url)
        dark.get_by_text("Where the class is stuck").first.wait_for()
        _dashboard_screenshot(dark, "dashboard-dark")
        dark_context.close()
    finally:
        teacher_context.close()
        student_context.close()


def _dashboard_screenshot(page, name: str) -> None:
    heading = page.get_by_text("Students by exercise").first
    heading.wait_for()
    page.wait_for_timeout(1_500)  # let the chart draw
    heading.scroll_into_view_if_needed()
    page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " const h = [...document.querySelectorAll('h5')].find(e => e.innerText.includes('Students by exercise'));"
        " const metrics = document.querySelector('[data-testid=\"stMetric\"]');"
        " m.scrollTop += metrics.getBoundingClientRect().top - 70; }"
    )
    page.wait_for_timeout(500)
    screenshot(page, name)
