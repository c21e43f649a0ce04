"""Per-visitor state shared by every page: the session-state keys, the profile, the store and the exercises."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import streamlit as st
from sqlalchemy import URL

from checker import service
from checker.problems import Problem, ProblemError, Track, list_problems
from checker.problems import tracks as load_tracks
from dojo import profile_cookie
from dojo.database import DatabaseURLError, configured_url
from dojo.store import DB_NAME, StorageError, Store, default_data_dir

log = logging.getLogger("nnx_dojo")
PROFILE_PARAM = "u"
_PROFILE_ID = re.compile(r"[A-Za-z0-9_-]{22}")  # what new_profile_id makes: 128 random bits

# Every key the app itself keeps in st.session_state, declared here and nowhere else. Widgets own
# their `key=` (a widget's value lives under it), so those stay next to the widget.
PROFILE_ID = "profile_id"  # the visitor's profile, fixed for the session once chosen
LAST_PROBLEM = "last_problem"  # the exercise the practice page showed last
PENDING = "pending"  # a Run/Submit click waiting for the editor's text: {"slug", "mode"}
PRESENT = "present"  # presenter mode, remembered while moving between pages
TEACHER_OWNER = "teacher_owner"  # the signed-in teacher's owner id (a hash, never the key itself)
TEACHER_CLASS = "teacher_class"  # the id of the class the Teacher page shows
TEACHER_LEADERBOARD = "teacher_leaderboard"  # the projector leaderboard's switch (off unless turned on)
# Per-exercise dicts keyed by slug; a profile switch clears all of them.
CODE, SEED, EDITOR_REV = "code", "seed", "editor_rev"
VERDICTS, HINTS_SHOWN, REFERENCE_REVEALED = "verdicts", "hints_shown", "reference_revealed"
EXERCISE_STATE = (CODE, SEED, EDITOR_REV, VERDICTS, HINTS_SHOWN, REFERENCE_REVEALED)


def database_url() -> URL | None:
    """NNX_DOJO_DATABASE_URL, else `url` of [connections.nnx_dojo] in the secrets; None means the SQLite file."""
    try:
        secrets = st.secrets.to_dict()
    except FileNotFoundError:  # no secrets.toml anywhere: nothing configured there
        secrets = {}
    try:
        return configured_url(os.environ, secrets)
    except DatabaseURLError as exc:
        raise StorageError(f"Progress cannot be stored: {exc}.") from None


def get_store() -> Store:
    """The database of this server process (one store per database); StorageError when it cannot be used."""
    url = database_url()
    if url is None:
        return _store_at(str(default_data_dir() / DB_NAME), "")
    return _store_at("", url.render_as_string(hide_password=False))


@st.cache_resource(show_spinner=False)
def _store_at(path: str, url: str) -> Store:
    # A failure raises and is not cached, so the next page load tries the database again.
    store = Store(url=url) if url else Store(Path(path))
    log.info("progress database: %s %s", store.location, store.notice)
    return store


@st.cache_data(ttl=30)
def catalogue() -> list[Problem]:
    """Every exercise; a broken folder is logged and left out rather than breaking the app."""
    try:
        return list_problems()
    except ProblemError:
        log.exception("could not load the exercises")
        raise


@st.cache_data(ttl=30)
def tracks() -> list[Track]:
    """The tracks in their suggested order, with what each teaches."""
    return load_tracks()


@st.cache_resource
def start_checker() -> bool:
    """Start the checker's local backend once per server (a warm pool of learner processes)."""
    service.start()
    return True


def known_profile(code: str) -> bool:
    """True for a well-formed id that this app generated; anything else is never honoured."""
    return bool(_PROFILE_ID.fullmatch(code)) and get_store().profile_exists(code)


def profile_id() -> str:
    """This visitor's profile: `?u=` first, then the browser's cookie, else a new one; kept in the URL."""
    current = st.session_state.get(PROFILE_ID)
    if current is None:
        candidates = (st.query_params.get(PROFILE_PARAM, ""), profile_cookie.read())
        current = next((code for code in candidates if known_profile(code)), None) or get_store().create_profile()
        st.session_state[PROFILE_ID] = current
    if st.query_params.get(PROFILE_PARAM) != current:
        st.query_params[PROFILE_PARAM] = current
    return current


def remember_profile() -> None:
    """Keep this visitor's profile in the browser, so the next visit without `?u=` finds it (once per run)."""
    current = profile_id()
    if profile_cookie.read() != current:  # the cookie is read when the page connects; re-send until then
        profile_cookie.write(current)


def clear_exercise_state() -> None:
    """Forget every exercise's code, verdicts, hints and revealed references in this session."""
    for key in (*EXERCISE_STATE, PENDING):
        st.session_state.pop(key, None)


def switch_profile(code: str) -> bool:
    """Use another profile code (e.g. the one from another device); False unless the app made that code."""
    code = code.strip()
    if not known_profile(code):
        return False
    st.session_state[PROFILE_ID] = code
    st.query_params[PROFILE_PARAM] = code
    clear_exercise_state()
    return True


def per_exercise(name: str) -> dict:
    """A dict in session state keyed by exercise slug (code, seeds, verdicts, hints...)."""
    return st.session_state.setdefault(name, {})


def require_navigation() -> None:
    """Make sure the page runs under app.py's navigation (the one workaround for Streamlit internals).

    Streamlit treats a `pages/` folder as an old-style multipage app until the entry point has
    called `st.navigation` once; a deep link opened first on a fresh server would run the page
    script bare (no page config, wrong menu). Flip that switch and rerun through app.py.
    Streamlit 1.67 has no supported setting for it: the flag is `PagesManager.uses_pages_directory`,
    set from the folder's existence and cleared only by `st.navigation`; renaming `pages/` would
    avoid it, but the project keeps its page scripts there. AppTest resets the flag before every
    run, so the page tests clear it the same way (`tests/app/conftest.py`).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
