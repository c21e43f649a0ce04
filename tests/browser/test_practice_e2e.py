"""End to end in Chromium: type a solution with the keyboard, submit, read the verdict and the chart."""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

CORRECT = """import jax.numpy as jnp
import optax
from flax import nnx


def train_step_loss(seed, x, y, lr, num_steps):
    model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    opt = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def mse(model, x, y):
        return jnp.mean((model(x) - y) ** 2)

    history = []
    for _ in range(int(num_steps)):
        loss, grads = nnx.value_and_grad(mse)(model, x, y)
        opt.update(model, grads)
        history.append(loss)
    return jnp.array([history[0], history[-1]])"""

# The classic slip: the gradients are computed but never applied.
WRONG = CORRECT.replace("        opt.update(model, grads)\n", "")
BROKEN = "def train_step_loss(seed, x, y, lr, num_steps)\n    return None"


def _editor(page):
    handle = page.wait_for_selector("iframe[title*='streamlit_ace']", timeout=60_000)
    frame = handle.content_frame()
    frame.wait_for_selector(".ace_content")
    return frame


def _editor_text(frame) -> str:
    return frame.evaluate("() => ace.edit(document.querySelector('.ace_editor')).getValue()")


def _type_code(page, frame, code: str) -> None:
    """Replace the editor's text by typing it line by line, like a person would."""
    frame.click(".ace_content")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for number, line in enumerate(code.split("\n")):
        if number:
            page.keyboard.press("Escape")  # close the autocompletion popup so Enter makes a new line
            page.keyboard.press("Enter")
            page.keyboard.press("Shift+Home")  # select the auto-indent; the typed line brings its own
        if line:
            page.keyboard.type(line, delay=1)
    page.keyboard.press("Escape")
    typed = [line.rstrip() for line in _editor_text(frame).split("\n")]
    assert typed == [line.rstrip() for line in code.split("\n")]


def _banner(page, text: str):
    banner = page.locator("[data-testid='stAlert']").filter(has_text=text).first
    banner.wait_for(timeout=180_000)
    return banner


def test_submit_correct_then_wrong_then_reload(app_server: dict, page) -> None:
    page.goto(f"{app_server['url']}/practice?problem=nnx-train-step")
    page.get_by_role("heading", name="NNX Train Step").first.wait_for()
    frame = _editor(page)
    assert "def train_step_loss(seed, x, y, lr, num_steps):" in _editor_text(frame)  # the starter code

    # Type, then click Submit at once: the code checked must be the code on screen.
    _type_code(page, frame, CORRECT)
    page.get_by_role("button", name="Submit").click()
    banner = _banner(page, "Accepted")
    assert "passed 7 of 7 cases" in banner.inner_text()
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for()
    assert chart.bounding_box()["height"] > 200
    page.get_by_text("Log scale").first.click()
    page.set_viewport_size({"width": 1400, "height": 1800})  # the app scrolls inside; show it all
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollTo(0, 0)")
    page.wait_for_timeout(1_500)
    screenshot(page, "practice-accepted")
    page.set_viewport_size({"width": 1400, "height": 1000})

    _type_code(page, _editor(page), WRONG)
    page.get_by_role("button", name="Submit").click()
    banner = _banner(page, "Wrong answer")
    assert "expected" in banner.inner_text() and "got" in banner.inner_text()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    screenshot(page, "practice-wrong-answer")

    page.reload()
    frame = _editor(page)
    page.wait_for_timeout(500)
    assert _editor_text(frame).rstrip() == WRONG.rstrip()


def test_syntax_error_is_marked_in_the_editor(app_server: dict, page) -> None:
    page.goto(f"{app_server['url']}/practice?problem=nnx-optimizer-basics")
    frame = _editor(page)
    _type_code(page, frame, BROKEN)
    page.get_by_role("button", name="Run").click()
    banner = _banner(page, "Syntax error")
    assert "line 1" in banner.inner_text()
    frame = _editor(page)
    frame.wait_for_selector(".ace_gutter-cell.ace_error", timeout=30_000)
    screenshot(page, "practice-syntax-error")


def test_catalogue_lists_exercises_and_deep_links(app_server: dict, page) -> None:
    page.goto(app_server["url"])
    page.get_by_role("heading", name="Exercises").first.wait_for()
    for title in ("NNX Optimizer Basics", "NNX Train Step", "NNX MultiMetric"):
        page.get_by_text(title).first.wait_for()
    screenshot(page, "catalogue")
    page.get_by_text("NNX Train Step").first.click()
    page.get_by_role("heading", name="NNX Train Step").first.wait_for()
    assert "problem=nnx-train-step" in page.url


def test_dark_theme_and_narrow_screen(app_server: dict, browser) -> None:
    context = browser.new_context(viewport={"width": 480, "height": 1600}, color_scheme="dark")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{app_server['url']}/practice?problem=nnx-metrics-welford")
        page.get_by_role("heading", name="NNX Welford").first.wait_for()
        frame = _editor(page)
        frame.wait_for_selector(".ace-tomorrow-night")  # the editor follows the dark theme
        statement = page.get_by_role("heading", name="Why it matters").first.bounding_box()
        editor = page.locator("iframe[title*='streamlit_ace']").first.bounding_box()
        assert editor["y"] > statement["y"] and abs(editor["x"] - statement["x"]) < 60  # stacked, not side by side
        screenshot(page, "practice-dark-narrow")
    finally:
        context.close()
