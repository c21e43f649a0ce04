"""The student's side of a class: the join form behind `/?class=<CODE>` and today's exercises."""

from __future__ import annotations

import streamlit as st

from dojo import classroom, join, names, session
from dojo.store import StorageError, Store
from dojo.text import literal


def join_form(store: Store, profile: str) -> bool:
    """Handle a join link; True when the page is the join form (the caller shows nothing else)."""
    raw = st.query_params.get(join.CLASS_PARAM)
    if raw is None:
        return False
    klass = classroom.class_by_code(store, raw)
    member = classroom.membership(store, klass.id, profile) if klass is not None else None
    if klass is None or (member is None and not klass.is_open):
        del st.query_params[join.CLASS_PARAM]
        if klass is None:
            st.error("This class link is not valid. Check the address with your teacher.", icon=":material/link_off:")
        else:
            st.warning("This class is closed and takes no new students.", icon=":material/lock:")
        return False
    if member is not None:  # already in: straight to the exercises
        del st.query_params[join.CLASS_PARAM]
        return False

    st.title(f"Join {literal(klass.name)}")
    with st.form("join-class", border=True):
        name = st.text_input("Your name", key="join-name", max_chars=names.MAX_DISPLAY_NAME)
        joined = st.form_submit_button("Join", type="primary", icon=":material/login:")
    st.caption("Your teacher sees this name beside your progress on today's exercises.")
    if joined:
        try:
            classroom.join(store, klass, profile, name)
        except (names.InvalidName, classroom.ClassroomError, StorageError) as exc:
            st.error(literal(exc), icon=":material/error:")
        else:
            del st.query_params[join.CLASS_PARAM]
            st.rerun()
    return True


def todays_exercises(store: Store, profile: str, titles: dict[str, str]) -> None:
    """For each open class the visitor joined: a box with links to the teacher's picks for today."""
    for klass in classroom.joined_classes(store, profile):
        picked = [slug for slug in classroom.exercises(store, klass.id) if slug in titles]
        with st.container(border=True):
            st.markdown(f"**Today in {literal(klass.name)}**")
            if not picked:
                st.caption("Your teacher has not picked the exercises yet.")
            for slug in picked:
                st.page_link(
                    "pages/practice.py",
                    label=titles[slug],
                    icon=":material/play_circle:",
                    query_params={"problem": slug, session.PROFILE_PARAM: profile},
                )
