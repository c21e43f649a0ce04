"""AppTest: the Teacher page's key gate, presenter mode, and the session keys the pages may use."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from dojo import join, presenter, session, teacher_access
from dojo.store import DB_NAME, Store
from tests.app.conftest import APP, PROFILE, open_app, page_texts
from tests.conftest import PROJECT_ROOT

KEY = "correct-horse-battery-staple"


@pytest.fixture
def teacher_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(teacher_access.KEY_SETTING, KEY)
    return KEY


def _teacher(**params: str) -> AppTest:
    return open_app("pages/teacher.py", **params)


def _sign_in(at: AppTest, typed: str) -> AppTest:
    at.text_input(key="teacher-key").input(typed)
    return next(b for b in at.button if b.label == "Open").click().run()


def _signed_in(at: AppTest) -> bool:
    return session.TEACHER_OWNER in at.session_state


def test_without_a_key_the_page_says_how_to_set_one(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(teacher_access.KEY_SETTING, raising=False)
    at = _teacher()
    assert not at.exception
    assert any("No teacher key is configured" in w.value for w in at.warning)
    assert "export NNX_DOJO_TEACHER_KEY=" in page_texts(at)
    assert not at.main.text_input and not _signed_in(at)


def test_a_short_key_is_not_used(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(teacher_access.KEY_SETTING, "1234")
    at = _teacher()
    assert any("shorter than 12 characters" in w.value for w in at.warning)
    assert not at.main.text_input


def test_a_wrong_key_is_refused(data_dir: Path, teacher_key: str) -> None:
    at = _teacher()
    assert at.text_input(key="teacher-key").label == "Teacher key"
    at = _sign_in(at, teacher_key[:-1] + "X")
    assert not at.exception
    assert any("not the teacher key" in e.value for e in at.error)
    assert not _signed_in(at) and not at.get("image")


@pytest.mark.parametrize("typed", ["", " " + KEY, KEY + "\x00", "\ud800" + KEY, KEY * 20, "' OR 1=1 --"])
def test_hostile_keys_are_refused(data_dir: Path, teacher_key: str, typed: str) -> None:
    assert teacher_access.owner_for_typed_key(typed) is None
    if "\ud800" not in typed:  # a lone surrogate cannot travel from a browser; the function alone sees it
        at = _sign_in(_teacher(), typed[: teacher_access.MAX_KEY_CHARS])
        assert not at.exception and not _signed_in(at)


def test_the_right_key_opens_the_page_and_shows_a_projectable_qr_code(data_dir: Path, teacher_key: str) -> None:
    at = _sign_in(_teacher(), teacher_key)
    assert not at.exception, at.exception
    owner = at.session_state[session.TEACHER_OWNER]
    assert owner == teacher_access.owner_of_key(KEY) and KEY not in owner  # a hash, never the key
    assert KEY not in repr(at.session_state._state.filtered_state)  # the typed key does not linger
    assert any("localhost:8501" in c.value for c in at.code)
    (image,) = at.get("image")
    assert image.proto.imgs[0].url.endswith(".png")  # sharp edges, no JPEG blur for the scanner
    assert Image.open(io.BytesIO(join.qr_png("http://localhost:8501/?class=ABCD2345"))).width >= 400


def test_the_key_can_come_from_secrets(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(teacher_access.KEY_SETTING, raising=False)
    at = AppTest.from_file(APP, default_timeout=300)
    at.secrets[teacher_access.KEY_SETTING] = KEY
    at.query_params["u"] = PROFILE
    at.run()
    at.switch_page("pages/teacher.py").run()
    at = _sign_in(at, KEY)
    assert _signed_in(at)


def test_signed_in_teachers_listed_by_address_need_no_key(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(teacher_access.KEY_SETTING, raising=False)
    monkeypatch.setenv(teacher_access.EMAILS_SETTING, "Teacher@School.example, other@school.example")
    for email, admitted in (("teacher@school.example", True), ("student@school.example", False)):
        at = AppTest.from_file(APP, default_timeout=300)
        at.user = {"is_logged_in": True, "email": email}
        at.query_params["u"] = PROFILE
        at.run()
        at.switch_page("pages/teacher.py").run()
        assert not at.exception
        assert bool(at.get("image")) is admitted, email


def _editor_args(at: AppTest) -> dict:
    ace = next(el for el in at.main.get("component_instance") if "ace-" in el.proto.id)
    return json.loads(ace.proto.json_args)


def test_presenter_mode_enlarges_the_editor_and_the_text(data_dir: Path) -> None:
    at = open_app(problem="nnx-optimizer-basics", present="1")
    assert not at.exception
    assert _editor_args(at)["fontSize"] >= 22
    styles = [h.proto.body for h in at.get("html") if "<style>" in h.proto.body]
    assert styles and "font-size: 1.5rem" in styles[0]
    assert at.query_params["present"] == "1"

    at.switch_page("pages/catalogue.py").run()  # remembered while moving between pages
    assert at.session_state[session.PRESENT] and at.query_params["present"] == "1"


@pytest.mark.parametrize("value", ["0", "yes", "<script>alert(1)</script>", ""])
def test_presenter_mode_is_off_for_any_other_value(data_dir: Path, value: str) -> None:
    at = open_app(problem="nnx-optimizer-basics", present=value)
    assert not at.exception
    assert _editor_args(at)["fontSize"] == presenter.NORMAL_EDITOR_FONT_PX
    assert not any("<style>" in h.proto.body for h in at.get("html"))
    assert "present" not in at.query_params


def test_presenter_colours_are_high_contrast_in_both_themes() -> None:
    for theme, text, background in (("light", "#000000", "#ffffff"), ("dark", "#ffffff", "#000000")):
        css = presenter.stylesheet(theme)
        assert f"background: {background}" in css and f"color: {text}" in css


def test_switching_profiles_forgets_a_revealed_reference(data_dir: Path) -> None:
    other = Store(data_dir / DB_NAME).create_profile()
    at = open_app(problem="nnx-optimizer-basics")
    at.session_state[session.REFERENCE_REVEALED] = {"nnx-optimizer-basics": True}  # as the dialog's button does
    at.run()
    assert any(e.label == "Reference solution" for e in at.expander)
    at.sidebar.text_input(key="profile-switch").input(other).run()
    assert at.session_state[session.PROFILE_ID] == other
    assert not at.session_state[session.REFERENCE_REVEALED]  # the page ran again for the new profile
    assert not any(e.label == "Reference solution" for e in at.expander)


def test_every_session_state_key_is_declared_in_the_session_module() -> None:
    declared = {value for name, value in vars(session).items() if name.isupper() and isinstance(value, str)}
    literal_key = re.compile(r"session_state(?:\.(?!get\b|pop\b|setdefault\b)(\w+)|\[\s*['\"]|\.\w+\(\s*['\"])")
    offenders = []
    sources = [PROJECT_ROOT / "app.py", *(PROJECT_ROOT / "pages").glob("*.py"), *(PROJECT_ROOT / "dojo").glob("*.py")]
    for path in sorted(p for p in sources if p.name != "session.py"):
        path_offenders = [m.group(0) for m in literal_key.finditer(path.read_text())]
        offenders += [f"{path.name}: {hit}" for hit in path_offenders]
    assert not offenders, f"use a key declared in dojo/session.py: {offenders}"
    assert {"profile_id", "pending", "present", "teacher_owner"} <= declared
