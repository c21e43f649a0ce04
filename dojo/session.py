"""Per-visitor state shared by every page: the profile, the store and the exercise list."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import streamlit as st

from checker.expected import expected_outputs
from checker.problems import Problem, ProblemError, list_problems
from dojo.store import DB_NAME, Store, default_data_dir, new_profile_id

log = logging.getLogger("nnx_dojo")
PROFILE_PARAM = "u"
_PROFILE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")


def get_store() -> Store:
    """The database of this server process (one connection per database path)."""
    return _store_at(str(default_data_dir() / DB_NAME))


@st.cache_resource
def _store_at(path: str) -> Store:
    return Store(Path(path))


@st.cache_data(ttl=30)
def catalogue() -> list[Problem]:
    """Every exercise; a broken folder is logged and left out rather than breaking the app."""
    try:
        return list_problems()
    except ProblemError:
        log.exception("could not load the exercises")
        raise


@st.cache_resource
def warm_references() -> threading.Thread:
    """Compute every exercise's reference outputs in the background, once per server."""

    def work() -> None:
        for problem in list_problems():
            try:
                expected_outputs(problem)
            except Exception:
                log.exception("reference outputs for %s failed", problem.slug)

    thread = threading.Thread(target=work, name="warm-references", daemon=True)
    thread.start()
    return thread


@st.cache_resource
def start_pool() -> object:
    """Keep warm learner processes ready so a check does not wait for imports and compilation."""
    from checker.pool import start_default_pool

    return start_default_pool()


def profile_id() -> str:
    """This visitor's profile id, kept in the URL so a reload finds the same drafts and progress."""
    current = st.session_state.get("profile_id")
    if current is None:
        from_url = st.query_params.get(PROFILE_PARAM, "")
        current = from_url if _PROFILE_ID.fullmatch(from_url) else new_profile_id()
        st.session_state.profile_id = current
    if st.query_params.get(PROFILE_PARAM) != current:
        st.query_params[PROFILE_PARAM] = current
    return current


def switch_profile(code: str) -> bool:
    """Use another profile code (e.g. the one from another device); False when the code is malformed."""
    code = code.strip()
    if not _PROFILE_ID.fullmatch(code):
        return False
    st.session_state.profile_id = code
    st.query_params[PROFILE_PARAM] = code
    for key in ("code", "seed", "verdicts"):
        st.session_state.pop(key, None)
    return True


def per_exercise(name: str) -> dict:
    """A dict in session state keyed by exercise slug (code, seeds, verdicts, hints...)."""
    return st.session_state.setdefault(name, {})


def require_navigation() -> None:
    """Make sure the page runs under app.py's navigation.

    Streamlit treats a `pages/` folder as an old-style multipage app until the entry point has
    called `st.navigation` once; a deep link opened first on a fresh server would run the page
    script bare (no page config, wrong menu). Flip that switch and rerun through app.py.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
