"""AppTest: the Teacher page's key gate, presenter mode, and the session keys the pages may use."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from checker.verdict import CaseResult, Status, Verdict
from dojo import classroom, join, presenter, session, teacher_access
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


def _store(data_dir: Path) -> Store:
    return Store(data_dir / DB_NAME)


def _create_class(at: AppTest, name: str) -> AppTest:
    at.text_input(key="class-name").input(name)
    return next(b for b in at.button if b.label == "Create class").click().run()


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
    assert not _signed_in(at) and not any(t.label == "Class name" for t in at.main.text_input)


@pytest.mark.parametrize("typed", ["", " " + KEY, KEY + "\x00", "\ud800" + KEY, KEY * 20, "' OR 1=1 --"])
def test_hostile_keys_are_refused(data_dir: Path, teacher_key: str, typed: str) -> None:
    assert teacher_access.owner_for_typed_key(typed) is None
    if "\ud800" not in typed:  # a lone surrogate cannot travel from a browser; the function alone sees it
        at = _sign_in(_teacher(), typed[: teacher_access.MAX_KEY_CHARS])
        assert not at.exception and not _signed_in(at)


def test_the_right_key_opens_the_page_and_a_class_gets_a_join_link(data_dir: Path, teacher_key: str) -> None:
    at = _sign_in(_teacher(), teacher_key)
    assert not at.exception, at.exception
    owner = at.session_state[session.TEACHER_OWNER]
    assert owner == teacher_access.owner_of_key(KEY) and KEY not in owner  # a hash, never the key
    assert KEY not in repr(at.session_state._state.filtered_state)  # the typed key does not linger
    at = _create_class(at, "Week 3")
    assert not at.exception, at.exception
    (klass,) = classroom.classes_of(_store(data_dir), owner)
    assert any(c.value == f"http://localhost:8501/?class={klass.code}" for c in at.code)
    (image,) = at.get("image")
    assert image.proto.imgs[0].url.endswith(".png")  # sharp edges, no JPEG blur for the scanner
    assert Image.open(io.BytesIO(join.qr_png(f"http://localhost:8501/?class={klass.code}"))).width >= 400
    assert not any(m.value == "##### Leaderboard" for m in at.markdown)  # off unless the teacher turns it on


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
        assert any(t.label == "Class name" for t in at.main.text_input) is admitted, email


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


HOSTILE = "[x](http://127.0.0.1:9/) <b>bold</b> :red[red] $x$"
HOSTILE_NAME = "[x](http://h/) <b>b</b> :red[r]"  # within the 40 characters of a display name


def test_a_hostile_class_name_is_shown_literally_and_a_bad_one_refused(data_dir: Path, teacher_key: str) -> None:
    at = _create_class(_sign_in(_teacher(), teacher_key), "Week\x003")
    assert any("control characters" in e.value for e in at.error)
    at = _create_class(at, HOSTILE)
    assert not at.exception
    (heading,) = [h.value for h in at.subheader]
    assert "](http" not in heading and "<b>" not in heading and ":red[" not in heading
    assert "bold" in heading


def _class_for(data_dir: Path, name: str = "Week 3", slugs: tuple[str, ...] = ("nnx-optimizer-basics",)):
    store = _store(data_dir)
    klass = classroom.create_class(store, teacher_access.owner_of_key(KEY), name)
    classroom.set_exercises(store, teacher_access.owner_of_key(KEY), klass.id, list(slugs))
    return store, klass


def test_a_student_joins_with_a_name_and_sees_todays_exercises(data_dir: Path) -> None:
    store, klass = _class_for(data_dir)
    at = open_app(**{join.CLASS_PARAM: klass.code.lower()})
    assert not at.exception
    assert [t.value for t in at.title] == ["Join Week 3"]
    assert [t.label for t in at.main.text_input] == ["Your name"] and not at.get("page_link")  # nothing else
    at.text_input(key="join-name").input(HOSTILE_NAME)
    at = next(b for b in at.button if b.label == "Join").click().run()
    assert not at.exception
    assert [m.name for m in classroom.members(store, klass.id)] == [HOSTILE_NAME]  # stored as typed
    assert join.CLASS_PARAM not in at.query_params
    assert any("Today in Week 3" in m.value for m in at.markdown)
    assert any(link.proto.label == "NNX Optimizer Basics" for link in at.get("page_link"))


@pytest.mark.parametrize("typed", ["", "Eve\u202eyllaM", "Eve\tMallory", "x" * 41])
def test_a_hostile_display_name_is_refused_with_a_reason(data_dir: Path, typed: str) -> None:
    store, klass = _class_for(data_dir)
    at = open_app(**{join.CLASS_PARAM: klass.code})
    at.text_input(key="join-name").input(typed)
    at = next(b for b in at.button if b.label == "Join").click().run()
    assert not at.exception and at.error
    assert classroom.members(store, klass.id) == []


@pytest.mark.parametrize("forged", ["ZZZZ", "ABCD2345", "' OR 1=1 --", "[x](http://127.0.0.1:9/)", "closed"])
def test_a_forged_or_closed_class_link_shows_no_join_form(data_dir: Path, forged: str) -> None:
    store, klass = _class_for(data_dir)
    if forged == "closed":
        classroom.close_class(store, teacher_access.owner_of_key(KEY), klass.id)
        forged = klass.code
    at = open_app(**{join.CLASS_PARAM: forged})
    assert not at.exception
    assert not any(t.label == "Your name" for t in at.main.text_input)
    shown = [e.value for e in at.error] + [w.value for w in at.warning]
    assert any("not valid" in text or "closed" in text for text in shown), shown
    assert not any("](http" in text for text in shown)
    assert any(t.value == "Exercises" for t in at.title)  # the app goes on as usual


def test_the_dashboard_shows_only_the_teachers_classes_and_who_solved_what(data_dir: Path, teacher_key: str) -> None:
    store, klass = _class_for(data_dir, "Mine")
    classroom.create_class(store, teacher_access.owner_of_key("another-teacher-key"), "Theirs")
    ada, bea = store.create_profile(), store.create_profile()
    classroom.join(store, klass, ada, "Ada")
    classroom.join(store, klass, bea, HOSTILE_NAME)
    store.record_submission(ada, "{}", "code", slug="nnx-optimizer-basics", mode="submit", status="accepted",
                            passed=7, total=7)  # fmt: skip
    at = _sign_in(_teacher(), teacher_key)
    assert not at.exception, at.exception
    assert at.selectbox(key="teacher-class-choice").options == [f"Mine · {klass.code} · open"]
    grid = at.dataframe[0].value
    assert list(grid["Student"]) == ["Ada", HOSTILE_NAME]  # a dataframe cell is text, never Markdown
    assert list(grid["NNX Optimizer Basics"]) == ["✅ solved", "·"]
    at.toggle(key=session.TEACHER_LEADERBOARD).set_value(True).run()
    assert any(m.value == "##### Leaderboard" for m in at.markdown)


def test_picking_exercises_saves_them(data_dir: Path, teacher_key: str) -> None:
    store, klass = _class_for(data_dir, slugs=())
    at = _sign_in(_teacher(), teacher_key)
    at.multiselect(key=f"class-exercises-{klass.id}").select("nnx-multimetric").run()
    assert not at.exception
    assert classroom.exercises(store, klass.id) == ["nnx-multimetric"]


def test_the_dashboard_renders_thirty_students_quickly(data_dir: Path, teacher_key: str) -> None:
    slugs = ("nnx-optimizer-basics", "nnx-train-step", "nnx-multimetric")
    store, klass = _class_for(data_dir, "Thirty", slugs)
    case = CaseResult("case-2", True, Status.WRONG_ANSWER)
    failed = Verdict(slugs[1], "submit", Status.WRONG_ANSWER, 1, 2, "", [case]).to_json()
    for n in range(30):
        profile = store.create_profile()
        classroom.join(store, klass, profile, f"Student {n:02d}")
        for slug in slugs[: n % 4]:  # 0, 1, 2 or 3 exercises tried; the second one always fails
            status = "wrong_answer" if slug == slugs[1] else "accepted"
            store.record_submission(profile, failed, "code", slug=slug, mode="submit", status=status, passed=1, total=2)
    at = _sign_in(_teacher(), teacher_key)
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    print(f"\nteacher page with 30 students, 3 exercises: {elapsed * 1000:.0f} ms per run")
    assert not at.exception
    grid = at.dataframe[0].value
    assert len(grid) == 30 and (grid["NNX Train Step"] == "🟠 attempted").sum() == 14
    assert any("NNX Train Step** · 14 still failing" in m.value for m in at.markdown)
    assert any("case: case\\-2 (14)" in m.value for m in at.markdown)
    assert elapsed < 5
