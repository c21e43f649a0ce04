"""Teacher: opened with the teacher key (or st.login); the class's join link and its QR code."""

from __future__ import annotations

import streamlit as st

from dojo import join, session, teacher_access

session.require_navigation()

PAGE_PATH = "teacher"
HOW_TO_SET_KEY = f"""
Set a teacher key of {teacher_access.MIN_KEY_CHARS} to {teacher_access.MAX_KEY_CHARS} characters, then reload
this page. Either in the environment of the server:

```bash
export {teacher_access.KEY_SETTING}="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"
streamlit run app.py
```

or as a line in `.streamlit/secrets.toml` (on a hosted instance: the app's secrets):

```toml
{teacher_access.KEY_SETTING} = "a-long-random-key"
```
"""


def sign_in() -> None:
    """The key gate: a 'Teacher key' field, or how to configure one when the server has none."""
    problem = teacher_access.key_problem()
    if problem:
        st.warning(problem, icon=":material/key_off:")
        st.markdown(HOW_TO_SET_KEY)
        return
    with st.form("teacher-sign-in", clear_on_submit=True, border=True):
        typed = st.text_input("Teacher key", type="password", key="teacher-key", max_chars=teacher_access.MAX_KEY_CHARS)
        opened = st.form_submit_button("Open", type="primary", icon=":material/login:")
    if opened:
        owner = teacher_access.owner_for_typed_key(typed)
        if owner is None:
            st.error("That is not the teacher key.", icon=":material/key_off:")
        else:
            st.session_state[session.TEACHER_OWNER] = owner
            st.rerun()


def classroom(owner: str) -> None:
    """What a signed-in teacher sees."""
    root = join.app_root(st.context.url, PAGE_PATH)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption("Signed in as a teacher.")
        if st.session_state.get(session.TEACHER_OWNER) and st.button("Sign out", key="teacher-sign-out"):
            del st.session_state[session.TEACHER_OWNER]
            st.rerun()
    st.markdown("##### Where students start")
    st.code(root, language="text")
    st.image(join.qr_png(root), width=360, caption="Scan to open NNX Dojo", output_format="PNG")


st.title("Teacher")
signed_in = st.session_state.get(session.TEACHER_OWNER) or teacher_access.signed_in_owner()
if signed_in:
    classroom(signed_in)
else:
    sign_in()
