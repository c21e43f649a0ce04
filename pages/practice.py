"""Practice: the statement beside an editor, Run/Submit, the verdict and the loss curves."""

from __future__ import annotations

import contextlib
import re
import time

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit_ace import st_ace

from checker import service
from checker.problems import Problem
from dojo import presenter, session, verdict_view
from dojo.store import StorageError
from dojo.text import literal

session.require_navigation()

# The editor sends its text 200 ms after the last keystroke; wait a little longer than that
# after a click so the code that is checked is exactly the code on screen.
EDITOR_SETTLE_S = 0.45

problems = session.catalogue()
by_slug = {p.slug: p for p in problems}
store = session.get_store()
profile = session.profile_id()

requested = st.query_params.get("problem")
if requested and requested not in by_slug:
    st.warning(f"There is no exercise called “{literal(requested)}”. Pick one below.", icon=":material/help:")
slug = requested if requested in by_slug else st.session_state.get(session.LAST_PROBLEM, problems[0].slug)
st.session_state[session.LAST_PROBLEM] = slug
if st.query_params.get("problem") != slug:
    st.query_params["problem"] = slug
problem: Problem = by_slug[slug]
service.prepare(slug)  # a worker and the reference's outputs will be ready by the time they submit
refusal = service.refusal()
if refusal:  # said before anyone types, not after their first Run
    st.error(f"{refusal} You can still write and save code here, but Run and Submit cannot check it.",
             icon=":material/block:")  # fmt: skip

codes = session.per_exercise(session.CODE)
seeds = session.per_exercise(session.SEED)
revisions = session.per_exercise(session.EDITOR_REV)
verdicts = session.per_exercise(session.VERDICTS)
hints_shown = session.per_exercise(session.HINTS_SHOWN)
revealed = session.per_exercise(session.REFERENCE_REVEALED)

if slug not in codes:
    draft = store.load_draft(profile, slug)
    codes[slug] = draft if draft is not None else problem.starter
    seeds[slug] = codes[slug]


def go_to(other: str) -> None:
    """Open another exercise (keeps the profile in the URL)."""
    st.query_params["problem"] = other
    st.session_state[session.LAST_PROBLEM] = other


# Header ----------------------------------------------------------------------
index = [p.slug for p in problems].index(slug)
title_col, nav_col = st.columns([3, 2], vertical_alignment="bottom")
with title_col:
    st.title(problem.title)
    status = store.progress(profile).get(slug, "new")  # read once per run, used again below
    st.caption(
        f"{problem.track} · {problem.difficulty} · {problem.category} · "
        + " ".join(f"`{t}`" for t in problem.tags)
        + (" · ✅ solved" if status == "solved" else "")
    )
with nav_col, st.container(horizontal=True, vertical_alignment="center"):  # one row, even on a phone
    previous = problems[index - 1] if index > 0 else None
    following = problems[index + 1] if index < len(problems) - 1 else None
    st.button("◀", key="prev", help=f"Previous: {previous.title}" if previous else "This is the first exercise",
              disabled=previous is None, on_click=go_to, args=(previous.slug if previous else slug,))  # fmt: skip
    chosen = st.selectbox(
        "Exercise",
        [p.slug for p in problems],
        index=index,
        format_func=lambda s: by_slug[s].title,
        label_visibility="collapsed",
        width=240,
    )
    st.button("▶", key="next", help=f"Next: {following.title}" if following else "This is the last exercise",
              disabled=following is None, on_click=go_to, args=(following.slug if following else slug,))  # fmt: skip
    if chosen != slug:
        go_to(chosen)
        st.rerun()


def smaller_headings(markdown: str) -> str:
    """Demote the statement's headings two levels so they sit below the page title."""
    return re.sub(r"^(#{1,4}) ", lambda m: "#" * min(len(m.group(1)) + 2, 6) + " ", markdown, flags=re.MULTILINE)


# Dialogs -----------------------------------------------------------------------
@st.dialog("Reset to the starter code?")
def confirm_reset() -> None:
    st.write("Your current code for this exercise will be replaced by the starter code.")
    if st.button("Reset", type="primary", key="confirm-reset"):
        codes[slug] = seeds[slug] = problem.starter
        revisions[slug] = revisions.get(slug, 0) + 1
        verdicts.pop(slug, None)
        with contextlib.suppress(StorageError):
            store.save_draft(profile, slug, problem.starter)
        st.rerun()


@st.dialog("Show the reference solution?")
def confirm_reveal() -> None:
    st.write("You have not solved this exercise yet. Looking now takes away the chance to work it out yourself.")
    if st.button("Show it anyway", type="primary", key="confirm-reveal"):
        revealed[slug] = True
        st.rerun()


statement_col, editor_col = st.columns([4, 6], gap="medium")

# Statement, hints, pitfalls, reference -----------------------------------------
with statement_col:
    with st.container(border=True):
        st.markdown(smaller_headings(problem.statement))
    shown = hints_shown.get(slug, 0)
    if problem.hints:
        for number, hint in enumerate(problem.hints[:shown], start=1):
            st.info(f"**Hint {number}.** {hint}", icon=":material/lightbulb:")
        more = f"Show a hint ({shown + 1} of {len(problem.hints)})"
        if shown < len(problem.hints) and st.button(more, key="hint", icon=":material/lightbulb:"):
            hints_shown[slug] = shown + 1
            st.rerun()
    solved = status == "solved"
    if solved or revealed.get(slug):
        with st.expander("Reference solution", expanded=revealed.get(slug, False)):
            st.code(problem.reference, language="python")
    elif st.button("Show reference solution", key="reveal", icon=":material/visibility:"):
        confirm_reveal()


# Editor, actions and verdict -------------------------------------------------------
def annotations(slug: str) -> list[dict]:
    """Gutter marks for the line of the last error."""
    verdict = verdicts.get(slug)
    error = verdict.first_error() if verdict else None
    if error is None or not error.line:
        return []
    return [
        {
            "row": error.line - 1,
            "column": (error.column or 1) - 1,
            "type": "error",
            "text": f"{error.type}: {error.message}"[:500],
        }
    ]


@st.fragment
def workbench() -> None:
    """The editor and everything that reacts to it, rerun on its own while typing."""
    code = st_ace(
        value=seeds[slug],
        language="python",
        theme=presenter.editor_theme(),
        keybinding="vscode",
        font_size=presenter.editor_font_size(),
        tab_size=4,
        min_lines=22,
        show_print_margin=False,
        wrap=presenter.editor_wraps(),
        auto_update=True,
        annotations=annotations(slug),
        key=f"ace-{slug}-{revisions.get(slug, 0)}",
    )
    if code is not None and code != codes[slug]:
        codes[slug] = code
        try:
            store.save_draft(profile, slug, code)
        except StorageError as exc:
            st.warning(literal(exc), icon=":material/save:")

    with st.container(horizontal=True, vertical_alignment="center"):
        run = st.button("Run", icon=":material/play_arrow:", key="run", help="Check the visible cases")
        submit = st.button(
            "Submit", type="primary", icon=":material/send:", key="submit", help="Check every case, hidden ones too"
        )
        if st.button("Reset", icon=":material/restart_alt:", key="reset", help="Back to the starter code"):
            confirm_reset()
        st.caption("Your code is saved as you type.")

    if run or submit:
        st.session_state[session.PENDING] = {"slug": slug, "mode": "submit" if submit else "run"}
        with st.spinner("Reading the editor…"):
            time.sleep(EDITOR_SETTLE_S)
        try:
            st.rerun(scope="fragment")
        except StreamlitAPIException:  # the click came in a full-app run, not a fragment run
            st.rerun()

    pending = st.session_state.get(session.PENDING)
    if pending and pending["slug"] == slug:
        del st.session_state[session.PENDING]
        source = codes[slug]
        label = "Running the visible cases…" if pending["mode"] == "run" else "Running every case…"
        with st.spinner(label, show_time=True):
            verdict = service.check(slug, source, pending["mode"])
        verdicts[slug] = verdict
        seeds[slug] = source  # the editor may remount to draw the error marker; keep its text
        try:
            store.record_submission(
                profile,
                verdict.to_json(),
                source,
                slug=slug,
                mode=verdict.mode,
                status=verdict.status.value,
                passed=verdict.passed,
                total=verdict.total,
            )
        except StorageError as exc:
            st.warning(literal(exc), icon=":material/save:")
        st.rerun()

    verdict = verdicts.get(slug)
    if verdict is not None:
        verdict_view.show(verdict, key=f"verdict-{slug}")


with editor_col:
    workbench()
