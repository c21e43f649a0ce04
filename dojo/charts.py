"""Altair charts: the learner's and the reference's loss per step."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

YOU, REFERENCE = "Your code", "Reference"
COLOURS = {YOU: "#e4572e", REFERENCE: "#4c78a8"}


def loss_frame(losses: list[float], reference_losses: list[float] | None) -> pd.DataFrame:
    """Long-form table (step, loss, who) of both curves, dropping non-finite values."""
    rows = [{"step": i + 1, "loss": v, "who": YOU} for i, v in enumerate(losses) if math.isfinite(v)]
    rows += [
        {"step": i + 1, "loss": v, "who": REFERENCE} for i, v in enumerate(reference_losses or []) if math.isfinite(v)
    ]
    return pd.DataFrame(rows, columns=["step", "loss", "who"])


def loss_chart(losses: list[float], reference_losses: list[float] | None, log_scale: bool = False) -> alt.Chart:
    """Overlaid line chart of the loss per step, optionally on a log scale."""
    frame = loss_frame(losses, reference_losses)
    positive = bool(len(frame)) and bool((frame["loss"] > 0).all())
    scale = alt.Scale(type="log") if log_scale and positive else alt.Scale(zero=False)
    who = list(dict.fromkeys(frame["who"])) or [YOU]
    colour = alt.Color(
        "who:N",
        title=None,
        scale=alt.Scale(domain=who, range=[COLOURS[w] for w in who]),
        legend=alt.Legend(orient="top"),
    )
    base = alt.Chart(frame).encode(
        x=alt.X("step:Q", title="training step", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("loss:Q", title="loss (log scale)" if log_scale and positive else "loss", scale=scale),
        color=colour,
        tooltip=[alt.Tooltip("who:N"), alt.Tooltip("step:Q"), alt.Tooltip("loss:Q", format=".6g")],
    )
    # The reference is a wide, pale band drawn first; a matching curve runs inside it.
    reference = base.transform_filter(alt.datum.who == REFERENCE).mark_line(strokeWidth=9, opacity=0.35)
    yours = base.transform_filter(alt.datum.who == YOU)
    return (reference + yours.mark_line(strokeWidth=2.5) + yours.mark_point(filled=True, size=45)).properties(
        height=300
    )
