"""Every page through Streamlit's AppTest: rendering, verdicts on the practice page, progress."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from streamlit.testing.v1 import AppTest

from checker.problems import list_problems, load_problem
from dojo.schema import ESCAPED
from dojo.store import DB_NAME, Store
from tests.conftest import PROJECT_ROOT

PROFILE = "AppTestProfile00000001"  # 22 characters, like the ids the app generates
APP = str(PROJECT_ROOT / "app.py")


@pytest.fixture(autouse=True)
def _navigation_like_a_running_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest starts every run as if no page had called st.navigation yet, so the `pages/`
    folder would be run as an old-style multipage app each time. A real server leaves that
    mode after its first run (and `require_navigation` handles that first run); mirror it.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NNX_DOJO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("NNX_DOJO_POOL_SIZE", "0")  # each AppTest check starts a fresh process
    store = Store(tmp_path / DB_NAME)
    store.ensure_profile(PROFILE)  # as if the app had generated it on an earlier visit
    store.close()
    return tmp_path


def _app(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["u"] = PROFILE
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # pages registered with a url_path are only known after a first run
    if page:
        at.switch_page(page).run()
    return at


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [s.value for s in at.subheader] + [str(link.proto.label) for link in at.get("page_link")]
    return "\n".join(parts)


def test_catalogue_lists_every_exercise(data_dir: Path) -> None:
    at = _app()
    assert not at.exception
    text = _texts(at)
    for problem in list_problems():
        assert problem.title in text
    assert "Training" in text and "Metrics" in text


def test_catalogue_search_filters(data_dir: Path) -> None:
    at = _app()
    at.text_input(key="catalogue-search").input("welford").run()
    text = _texts(at)
    assert "Welford" in text
    assert "NNX Train Step" not in text


def _practice(slug: str, code: str | None, data_dir: Path) -> AppTest:
    if code is not None:
        store = Store(data_dir / DB_NAME)
        store.save_draft(PROFILE, slug, code)
        store.close()
    return _app(problem=slug)


def test_practice_shows_statement_and_starter(data_dir: Path) -> None:
    at = _practice("nnx-optimizer-basics", None, data_dir)
    assert not at.exception
    assert "NNX Optimizer Basics" in _texts(at)
    assert at.button(key="submit") and at.button(key="run")


def test_correct_solution_is_accepted_and_progress_updates(data_dir: Path) -> None:
    problem = load_problem("nnx-optimizer-basics")
    at = _practice(problem.slug, problem.reference, data_dir)
    at.button(key="submit").click().run()
    assert not at.exception
    assert any("Accepted" in s.value for s in at.success), [e.value for e in at.error]
    progress = _app("pages/progress.py")
    assert not progress.exception
    assert any(m.label == "Solved" and m.value == f"1 / {len(list_problems())}" for m in progress.metric)


def test_wrong_solution_is_a_wrong_answer(data_dir: Path) -> None:
    problem = load_problem("nnx-optimizer-basics")
    wrong = (problem.folder / "wrong" / "no_update.py").read_text()
    at = _practice(problem.slug, wrong, data_dir)
    at.button(key="run").click().run()
    assert any("Wrong answer" in e.value for e in at.error)


def test_syntax_error_shows_its_line(data_dir: Path) -> None:
    at = _practice(
        "nnx-train-step", "import jax\n\ndef train_step_loss(seed, x, y, lr, num_steps)\n    pass\n", data_dir
    )
    at.button(key="run").click().run()
    banner = " ".join(w.value for w in at.warning)
    assert "Syntax error" in banner and "line 3" in banner
    assert any("line 3" in c.value for c in at.code)


def test_unknown_exercise_in_link_falls_back(data_dir: Path) -> None:
    at = _app(problem="does-not-exist")  # a deep link to the root opens the practice page
    assert not at.exception
    assert any("no exercise called" in w.value for w in at.warning)


def test_hints_are_revealed_one_at_a_time(data_dir: Path) -> None:
    problem = load_problem("nnx-train-step")
    at = _practice(problem.slug, None, data_dir)
    assert not any(problem.hints[0] in i.value for i in at.info)
    at.button(key="hint").click().run()
    assert any(problem.hints[0] in i.value for i in at.info)
    assert not any(problem.hints[1] in i.value for i in at.info)


def test_progress_and_about_render(data_dir: Path) -> None:
    progress = _app("pages/progress.py")
    assert not progress.exception
    assert any("Nothing checked yet" in i.value for i in progress.info)
    about = _app("pages/about.py")
    assert not about.exception
    assert "Isolation level" in _texts(about)
    assert "empty namespace" in _texts(about)


def test_unwritable_data_dir_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NNX_DOJO_DATA_DIR", str(blocker / "data"))
    monkeypatch.setenv("NNX_DOJO_POOL_SIZE", "0")
    at = _app()
    assert not at.exception
    assert any("not being saved" in w.value for w in at.sidebar.warning)


def test_a_guessed_profile_id_is_not_honoured(data_dir: Path) -> None:
    guessed = "a" * 22  # well-formed, but never generated by the app
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["u"] = guessed
    at.run()
    assert not at.exception
    assert at.session_state.profile_id != guessed
    assert len(at.session_state.profile_id) == 22
    assert at.query_params["u"] == at.session_state.profile_id


def test_a_generated_profile_id_is_honoured(data_dir: Path) -> None:
    at = _app()
    assert at.session_state.profile_id == PROFILE


def test_a_crafted_problem_link_is_shown_literally(data_dir: Path) -> None:
    crafted = "x](http://127.0.0.1:9/click) ![i](http://127.0.0.1:9/i.png) <b>bold</b> :red[red] $x$"
    at = _app(problem=crafted)
    assert not at.exception
    warning = next(w.value for w in at.warning if "no exercise called" in w.value)
    assert "](http" not in warning and "<b>" not in warning and ":red[" not in warning
    assert "\\]\\(h\u2060ttp\\:\\/\\/127\\.0\\.0\\.1\\:9\\/click\\)" in warning


def test_a_hostile_verdict_renders_as_plain_text() -> None:
    def page() -> None:
        from checker.verdict import CaseResult, ErrorInfo, Status, Verdict, text
        from dojo import verdict_view

        name = "![img](http://127.0.0.1:9/x.png)"
        error = ErrorInfo(name, "[click](http://127.0.0.1:9/) \ud800", 3, None, "Traceback\n" + name)
        case = CaseResult("case-1", True, Status.RUNTIME_ERROR, message=f"{name} on line 3: [click](http://127.0.0.1:9/)",
                          stdout=text("printed \udcff lone surrogate"), error=error)  # fmt: skip
        verdict = Verdict("nnx-train-step", "run", Status.RUNTIME_ERROR, 0, 1, f"First failure: {case.message}", [case])
        verdict_view.show(verdict, key="hostile")

    at = AppTest.from_function(page, default_timeout=60)
    at.run()
    assert not at.exception
    shown = [w.value for w in at.warning] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert shown and not any("](http" in value or "![" in value for value in shown), shown
    assert any("lone surrogate" in c.value for c in at.code)


def test_progress_lives_in_postgresql_across_a_restart(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dojo import session

    monkeypatch.setenv("NNX_DOJO_DATABASE_URL", postgres_url)
    monkeypatch.setenv("NNX_DOJO_DATA_DIR", str(tmp_path / "sqlite"))  # must stay unused
    monkeypatch.setenv("NNX_DOJO_POOL_SIZE", "0")
    seeded = Store(url=postgres_url)
    seeded.ensure_profile(PROFILE)
    seeded.close()
    problem = load_problem("nnx-optimizer-basics")
    at = _app(problem=problem.slug)
    typed = problem.starter + "# typed in the editor \x00 with a NUL\n"
    at.session_state[f"ace-{problem.slug}-0"] = typed  # what the editor component sends back
    at.run()  # the page saves the draft
    at.button(key="submit").click().run()
    assert not at.exception
    session._store_at.clear()  # a restarted server: a new Store, connecting afresh

    monkeypatch.delenv("NNX_DOJO_DATABASE_URL")  # this time from the secrets, as on a hosted instance
    again = AppTest.from_file(APP, default_timeout=300)
    again.secrets["connections"] = {"nnx_dojo": {"url": postgres_url}}
    again.query_params["u"] = PROFILE
    again.run()
    again.switch_page("pages/progress.py").run()
    assert not again.exception
    assert any(m.label == "Checks run" and m.value == "1" for m in again.metric)
    session._store_at.clear()

    direct = create_engine(postgres_url)
    with direct.connect() as conn:
        drafts = conn.execute(text("SELECT slug, code FROM drafts WHERE profile_id = :p"), {"p": PROFILE}).all()
        checks = conn.execute(text("SELECT slug, mode FROM submissions WHERE profile_id = :p"), {"p": PROFILE}).all()
    direct.dispose()
    assert [slug for slug, _ in drafts] == [problem.slug] and drafts[0][1].startswith(ESCAPED)  # the NUL, escaped
    restarted = Store(url=postgres_url)
    assert restarted.load_draft(PROFILE, problem.slug) == typed
    restarted.close()
    assert checks == [(problem.slug, "submit")]
    assert not (tmp_path / "sqlite").exists()


def test_an_unreachable_database_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dojo import session

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    monkeypatch.setenv("NNX_DOJO_DATABASE_URL", f"postgresql://dojo:s3cret-pw@127.0.0.1:{closed_port}/dojo")
    monkeypatch.setenv("NNX_DOJO_POOL_SIZE", "0")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    session._store_at.clear()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "cannot be reached" in shown and "dojo\\:\\*\\*\\*\\@" in shown  # shown literally, password hidden
    assert "s3cret-pw" not in shown


def test_a_public_instance_without_sandbox_says_so_before_anyone_types(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.sandbox import isolation

    monkeypatch.setenv("NNX_DOJO_PUBLIC", "1")
    monkeypatch.setenv("NNX_DOJO_SANDBOX", "none")
    isolation.cache_clear()
    try:
        at = _practice("nnx-optimizer-basics", None, data_dir)
        assert not at.exception
        assert any("public instance" in e.value and "cannot check it" in e.value for e in at.error)
        about = _app("pages/about.py")
        assert "no code is run" in _texts(about)
    finally:
        isolation.cache_clear()
