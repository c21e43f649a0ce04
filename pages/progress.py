"""Progress: solved and attempted per track and difficulty, history, CSV export, reset."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dojo import session

session.require_navigation()

problems = session.catalogue()
by_slug = {p.slug: p for p in problems}
store = session.get_store()
profile = session.profile_id()
progress = store.progress(profile)
history = store.history(profile)

st.title("Your progress")
solved = sum(progress.get(p.slug) == "solved" for p in problems)
attempted = sum(progress.get(p.slug) == "attempted" for p in problems)
c1, c2, c3, c4 = st.columns(4)
c1.metric("Solved", f"{solved} / {len(problems)}")
c2.metric("Attempted, not solved yet", attempted)
c3.metric("Checks run", len(history))
c4.metric("Accepted submissions", sum(h.mode == "submit" and h.status == "accepted" for h in history))


def summary(key: str) -> pd.DataFrame:
    """Counts of solved / attempted / new exercises grouped by a Problem attribute."""
    rows = {}
    for problem in problems:
        group = getattr(problem, key)
        row = rows.setdefault(group, {key: group, "solved": 0, "attempted": 0, "new": 0, "total": 0})
        row[progress.get(problem.slug, "new")] += 1
        row["total"] += 1
    return pd.DataFrame(list(rows.values()))


left, right = st.columns(2)
left.markdown("##### By track")
left.dataframe(summary("track"), hide_index=True, width="stretch")
right.markdown("##### By difficulty")
order = {"easy": 0, "medium": 1, "hard": 2}
right.dataframe(
    summary("difficulty").sort_values("difficulty", key=lambda s: s.map(order)), hide_index=True, width="stretch"
)

st.markdown("##### Submission history")
if not history:
    st.info("Nothing checked yet. Open an exercise and press Run or Submit.", icon=":material/history:")
else:
    frame = pd.DataFrame(
        {
            "time": [dt.datetime.fromtimestamp(h.created_at).strftime("%Y-%m-%d %H:%M:%S") for h in history],
            "exercise": [by_slug[h.slug].title if h.slug in by_slug else h.slug for h in history],
            "mode": [h.mode for h in history],
            "verdict": [h.status.replace("_", " ") for h in history],
            "passed": [f"{h.passed}/{h.total}" for h in history],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(
        "Export history as CSV",
        store.history_csv(profile),
        file_name="nnx-dojo-history.csv",
        mime="text/csv",
        icon=":material/download:",
    )


@st.dialog("Reset all progress?")
def confirm_reset() -> None:
    st.write("This deletes every submission and saved draft of this profile. It cannot be undone.")
    if st.button("Delete my progress", type="primary", key="confirm-reset-progress"):
        store.reset_progress(profile)
        session.clear_exercise_state()
        st.rerun()


st.divider()
if st.button("Reset progress", icon=":material/delete:", key="reset-progress"):
    confirm_reset()
