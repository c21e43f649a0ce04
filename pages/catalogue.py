"""Catalogue: exercises grouped by track, with search, filters and the learner's status."""

from __future__ import annotations

import streamlit as st

from dojo import join_view, session

session.require_navigation()

DIFFICULTY_COLOURS = {"easy": "green", "medium": "orange", "hard": "red"}
STATUS_BADGES = {"solved": ("Solved", "green", ":material/check:"), "attempted": ("Attempted", "orange", None)}
STATUSES = ("new", "attempted", "solved")

problems = session.catalogue()  # in the suggested order
progress = session.get_store().progress(session.profile_id())
solved = sum(progress.get(p.slug) == "solved" for p in problems)
about = {track.name: track.about for track in session.tracks()}
following = next((p for p in problems if progress.get(p.slug) != "solved"), None)

st.title("Exercises")
st.caption(
    "Each exercise asks for one function written with Flax NNX. Run checks the visible cases; Submit runs them all."
)
left, right = st.columns([3, 2], vertical_alignment="bottom")
left.progress(solved / max(len(problems), 1), text=f"Solved {solved} of {len(problems)}")
if following is not None:
    right.page_link(
        "pages/practice.py",
        label=f"Next: {following.title}",
        icon=":material/arrow_forward:",
        query_params={"problem": following.slug, session.PROFILE_PARAM: session.profile_id()},
        help="The first exercise you have not solved yet, in the suggested order",
    )

join_view.todays_exercises(session.get_store(), session.profile_id(), {p.slug: p.title for p in problems})

with st.container(border=True):
    query = st.text_input("Search", placeholder="title, tag or function name", key="catalogue-search")
    col1, col2, col3 = st.columns(3)
    difficulties = col1.pills("Difficulty", ["easy", "medium", "hard"], selection_mode="multi", key="f-difficulty")
    tags = col2.multiselect("Tags", sorted({t for p in problems for t in p.tags}), key="f-tags")
    statuses = col3.pills("Status", list(STATUSES), selection_mode="multi", key="f-status")


def visible(problem) -> bool:
    """Whether the exercise passes the search and the filters."""
    text = " ".join([problem.title, problem.slug, problem.entry, problem.category, *problem.tags]).lower()
    status = progress.get(problem.slug, "new")
    return (
        (not query or all(word in text for word in query.lower().split()))
        and (not difficulties or problem.difficulty in difficulties)
        and (not tags or set(tags) & set(problem.tags))
        and (not statuses or status in statuses)
    )


shown = [p for p in problems if visible(p)]
if not shown:
    st.info("No exercise matches these filters.", icon=":material/search_off:")

for track in dict.fromkeys(p.track for p in shown):
    in_track = [p for p in problems if p.track == track]
    done = sum(progress.get(p.slug) == "solved" for p in in_track)
    st.subheader(f"{track}  ·  {done}/{len(in_track)} solved")
    if about.get(track):
        st.caption(about[track])
    for problem in (p for p in shown if p.track == track):
        with st.container(border=True):
            name, meta, status_col = st.columns([4, 4, 1.4], vertical_alignment="center")
            name.page_link(
                "pages/practice.py",
                label=f"**{problem.order}. {problem.title}**",
                icon=":material/play_circle:",
                query_params={"problem": problem.slug, session.PROFILE_PARAM: session.profile_id()},
            )
            name.caption(f"`{problem.signature}`")
            with meta:
                st.badge(problem.difficulty.capitalize(), color=DIFFICULTY_COLOURS[problem.difficulty])
                st.caption(f"{problem.category} · " + ", ".join(problem.tags))
            status = progress.get(problem.slug, "new")
            label, colour, icon = STATUS_BADGES.get(status, ("New", "gray", None))
            status_col.badge(label, color=colour, icon=icon)
