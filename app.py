"""NNX Dojo entry point: page config, navigation, per-visitor defaults and a friendly error guard."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

from dojo import join_view, presenter, session
from dojo.store import StorageError
from dojo.text import literal

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
log = logging.getLogger("nnx_dojo")

st.set_page_config(
    page_title="NNX Dojo",
    page_icon="🥋",
    layout="wide",
    initial_sidebar_state="collapsed" if presenter.active() else "auto",
)

catalogue_page = st.Page("pages/catalogue.py", title="Exercises", icon=":material/school:", default=True)
practice_page = st.Page("pages/practice.py", title="Practice", icon=":material/code:", url_path="practice")
progress_page = st.Page("pages/progress.py", title="Progress", icon=":material/insights:", url_path="progress")
about_page = st.Page("pages/about.py", title="About", icon=":material/info:", url_path="about")
teacher_page = st.Page("pages/teacher.py", title="Teacher", icon=":material/co_present:", url_path="teacher")
page = st.navigation([catalogue_page, practice_page, progress_page, about_page, teacher_page])
presenter.apply()

try:
    profile = session.profile_id()
    store = session.get_store()
except StorageError as exc:  # the configured database is unreachable or misconfigured: say so, try again on reload
    st.error(literal(exc), icon=":material/database:")
    st.stop()
session.start_checker()

with st.sidebar:
    st.markdown("### 🥋 NNX Dojo")
    st.caption("Practise Flax NNX: write the code, get a verdict, compare loss curves.")
    session.remember_profile()
    if store.notice:
        st.warning(literal(store.notice), icon=":material/database:")
    with st.expander("Your profile"):
        st.caption("Progress is private to this code. Bookmark the page, or enter the code on another device.")
        st.code(profile, language="text")
        other = st.text_input("Use another profile code", key="profile-switch", placeholder="paste a code")
        if other and other != profile:
            if session.switch_profile(other):
                st.rerun()
            st.error("That is not a valid profile code.")

# A deep link such as /?problem=<slug> opens the practice page directly.
if page is catalogue_page and st.query_params.get("problem"):
    st.switch_page(practice_page, query_params=st.query_params.to_dict())

try:
    if not join_view.join_form(store, profile):  # a class's join link (/?class=<CODE>) asks for a name first
        page.run()
except ScriptControlException:
    raise
except StorageError as exc:
    st.error(literal(exc), icon=":material/database:")
except Exception:
    log.exception("page %s failed", page.title)
    st.error(
        "Something went wrong while showing this page. Your code and progress are safe; "
        "reload the page to try again. The error has been logged.",
        icon=":material/sentiment_dissatisfied:",
    )
