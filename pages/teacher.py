"""Teacher: opened with the teacher key (or st.login); classes, their join links and a live dashboard."""

from __future__ import annotations

import time

import altair as alt
import pandas as pd
import streamlit as st

from checker import service
from dojo import classroom, dashboard, join, names, session, teacher_access
from dojo.store import StorageError
from dojo.text import literal

session.require_navigation()

PAGE_PATH = "teacher"
REFRESH_S = 5  # the dashboard redraws itself this often
CELLS = {dashboard.SOLVED: "✅ solved", dashboard.ATTEMPTED: "🟠 attempted", dashboard.NOT_STARTED: "·"}
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

store = session.get_store()
titles = {p.slug: p.title for p in session.catalogue()}


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


def new_class(owner: str) -> None:
    """The 'Class name' field and the 'Create class' button."""
    with st.form("new-class", clear_on_submit=True, border=True):
        name = st.text_input("Class name", key="class-name", max_chars=names.MAX_CLASS_NAME, placeholder="e.g. Week 3")
        created = st.form_submit_button("Create class", type="primary", icon=":material/add:")
    if created:
        try:
            klass = classroom.create_class(store, owner, name)
        except (names.InvalidName, classroom.ClassroomError, StorageError) as exc:
            st.error(literal(exc), icon=":material/error:")
        else:
            st.session_state[session.TEACHER_CLASS] = klass.id
            st.rerun()


def pick_exercises(owner: str, klass: classroom.Class) -> list[str]:
    """Today's exercises: saved on every change, and each new pick warms a checker worker."""
    picked = classroom.exercises(store, klass.id)

    def save() -> None:
        chosen = st.session_state[f"class-exercises-{klass.id}"]
        classroom.set_exercises(store, owner, klass.id, chosen)
        for slug in chosen:
            service.prepare(slug)

    st.multiselect(
        "Today's exercises",
        list(titles),
        default=[slug for slug in picked if slug in titles],
        format_func=titles.get,
        key=f"class-exercises-{klass.id}",
        on_change=save,
        max_selections=classroom.MAX_EXERCISES,
        disabled=not klass.is_open,
    )
    return [slug for slug in picked if slug in titles]


def join_panel(klass: classroom.Class) -> None:
    """The class code, its join link and a QR code big enough to project."""
    link = join.join_link(join.app_root(st.context.url, PAGE_PATH), klass.code)
    st.markdown(f"##### Join code  `{klass.code}`")
    st.code(link, language="text", wrap_lines=True)
    st.image(join.qr_png(link), width=360, caption="Scan to join", output_format="PNG")


@st.fragment(run_every=REFRESH_S)
def live_dashboard(klass: classroom.Class) -> None:
    """Students by exercises, checks over time and what the class is stuck on; redraws every few seconds."""
    slugs = [slug for slug in classroom.exercises(store, klass.id) if slug in titles]
    members = classroom.members(store, klass.id)
    attempts = classroom.attempts(store, klass, slugs)
    status = dashboard.grid(members, slugs, attempts)
    stuck = dashboard.stuck(classroom.failures(store, klass, slugs), status, slugs)

    solved = sum(value == dashboard.SOLVED for value in status.values())
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Students", len(members))
    c2.metric("Exercises today", len(slugs))
    c3.metric("Solved (student × exercise)", f"{solved} / {len(status)}" if status else "0")
    c4.metric("Checks run", len(attempts))
    st.caption(f"Updated {time.strftime('%H:%M:%S')} · redraws every {REFRESH_S} s by itself.")
    if not slugs:
        st.info("Pick today's exercises; the grid fills in as students check their code.", icon=":material/checklist:")
    if not members:
        st.info("No student has joined yet. Show them the QR code or the link.", icon=":material/group_add:")
    if not slugs or not members:
        return

    grid = pd.DataFrame(
        [[CELLS[status[(m.profile_id, slug)]] for slug in slugs] for m in members],
        columns=[titles[slug] for slug in slugs],
    )
    grid.insert(0, "Student", [m.name for m in members])  # a dataframe cell shows its text as text
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.markdown("##### Students by exercise")
        st.dataframe(grid, hide_index=True, width="stretch", key=f"grid-{klass.id}")
    with right:
        st.markdown("##### Where the class is stuck")
        for item in stuck:
            stuck_card(item)
        st.caption("Students who checked an exercise and have not solved it yet, from their latest failed check.")

    st.markdown("##### Checks over time")
    timeline = pd.DataFrame(dashboard.timeline(attempts), columns=["minute", "outcome", "checks"])
    if len(timeline):
        outcomes = alt.Scale(domain=["solved", "accepted run", "failed"], range=["#2e7d32", "#90caf9", "#e4572e"])
        chart = (
            alt.Chart(timeline)
            .mark_bar()
            .encode(
                x=alt.X("minute:T", title="time"),
                y=alt.Y("checks:Q", title="checks", stack=True),
                color=alt.Color("outcome:N", scale=outcomes),
                tooltip=["minute:T", "outcome:N", "checks:Q"],
            )
            .properties(height=220)
        )
        st.altair_chart(chart, width="stretch")
    else:
        st.caption("No checks yet.")

    if st.session_state.get(session.TEACHER_LEADERBOARD):
        st.markdown("##### Leaderboard")
        board = dashboard.leaderboard(members, status, attempts)
        st.dataframe(
            pd.DataFrame(
                [{"#": n, "student": name, "solved": count} for n, (name, count, _) in enumerate(board, start=1)],
                columns=["#", "student", "solved"],
            ),
            hide_index=True,
            width="stretch",
            key=f"board-{klass.id}",
        )


def stuck_card(item: dashboard.Stuck) -> None:
    """One exercise's most frequent failing case, error and pitfall; error names come from learner code."""
    with st.container(border=True):
        st.markdown(f"**{literal(titles[item.slug])}** · {item.students} still failing")
        found = [(label, top) for label, top in (("case", item.case), ("error", item.error), ("pitfall", item.pitfall))]
        lines = [f"{label}: {literal(top[0][:80])} ({top[1]})" for label, top in found if top]
        if lines:
            st.markdown("  \n".join(lines))


@st.dialog("Close this class?")
def confirm_close(owner: str, klass: classroom.Class) -> None:
    st.write("Students can no longer join. Their results stay on the dashboard and in the CSV export.")
    if st.button("Close the class", type="primary", key="confirm-close-class"):
        classroom.close_class(store, owner, klass.id)
        st.rerun()


def class_view(owner: str, klass: classroom.Class) -> None:
    """One class: join panel, today's exercises, the live dashboard, export and closing."""
    state = "open" if klass.is_open else "closed"
    st.subheader(f"{literal(klass.name)} · {state}")
    if klass.is_open:
        panel, picks = st.columns([2, 3], gap="large")
        with panel:
            join_panel(klass)
        with picks:
            slugs = pick_exercises(owner, klass)
            st.toggle("Leaderboard for the projector", key=session.TEACHER_LEADERBOARD, value=False)
            if st.button("Close class", icon=":material/lock:", key="close-class"):
                confirm_close(owner, klass)
    else:
        st.info("This class is closed: it refuses new students.", icon=":material/lock:")
        slugs = classroom.exercises(store, klass.id)
    live_dashboard(klass)
    members = classroom.members(store, klass.id)
    st.download_button(
        "Export the class as CSV",
        dashboard.csv_text(members, slugs, classroom.attempts(store, klass, slugs)),
        file_name=f"nnx-dojo-class-{klass.code}.csv",
        mime="text/csv",
        icon=":material/download:",
        key="class-csv",
    )


def classroom_page(owner: str) -> None:
    """What a signed-in teacher sees: their classes and the chosen one."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption("Signed in as a teacher. You see only the classes you created.")
        if st.session_state.get(session.TEACHER_OWNER) and st.button("Sign out", key="teacher-sign-out"):
            for key in (session.TEACHER_OWNER, session.TEACHER_CLASS):
                st.session_state.pop(key, None)
            st.rerun()
    mine = classroom.classes_of(store, owner)
    with st.expander("New class", expanded=not mine):
        new_class(owner)
    if not mine:
        return
    by_id = {k.id: k for k in mine}
    chosen = st.session_state.get(session.TEACHER_CLASS)
    chosen = chosen if chosen in by_id else mine[0].id
    picked = st.selectbox(
        "Class",
        list(by_id),
        index=list(by_id).index(chosen),
        format_func=lambda i: f"{by_id[i].name} · {by_id[i].code} · {'open' if by_id[i].is_open else 'closed'}",
        key="teacher-class-choice",
    )
    st.session_state[session.TEACHER_CLASS] = picked
    class_view(owner, by_id[picked])


st.title("Teacher")
signed_in = st.session_state.get(session.TEACHER_OWNER) or teacher_access.signed_in_owner()
if signed_in:
    classroom_page(signed_in)
else:
    sign_in()
