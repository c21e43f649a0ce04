"""Render a `Verdict`: banner, per-case table, error panel, printed output and loss curves."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from checker.verdict import CaseResult, Status, Verdict
from dojo.charts import loss_chart
from dojo.text import literal

ICONS = {
    Status.ACCEPTED: ":material/check_circle:",
    Status.WRONG_ANSWER: ":material/cancel:",
    Status.TIME_LIMIT: ":material/timer_off:",
    Status.MEMORY_LIMIT: ":material/memory:",
    Status.OUTPUT_LIMIT: ":material/text_snippet:",
    Status.NOT_RUN: ":material/block:",
}


def banner(verdict: Verdict) -> None:
    """Coloured headline: green accepted, red wrong answer, orange errors and limits."""
    scope = "visible cases" if verdict.mode == "run" else "cases"
    title = f"**{verdict.status.label}** · passed {verdict.passed} of {verdict.total} {scope}"
    icon = ICONS.get(verdict.status, ":material/error:")
    if verdict.status is Status.ACCEPTED:
        extra = " Submit to run the hidden cases too." if verdict.mode == "run" else ""
        st.success(f"{title}.{extra}", icon=icon)
    elif verdict.status is Status.WRONG_ANSWER:
        st.error(f"{title}\n\n{literal(verdict.message)}", icon=icon)
    elif verdict.status is Status.INTERNAL_ERROR:
        st.warning(f"**The checker could not judge this run.** {literal(verdict.message)}", icon=":material/build:")
    else:
        st.warning(f"{title}\n\n{literal(verdict.message)}", icon=icon)


def _values(values: object) -> str:
    if values is None:
        return ""
    if isinstance(values, list):
        return "[" + ", ".join(_values(v) for v in values) + "]"
    if isinstance(values, float):
        return f"{values:.6g}"
    return str(values)


def case_table(verdict: Verdict) -> None:
    """One row per case; hidden cases show their status only."""
    rows = []
    for case in verdict.cases:
        rows.append(
            {
                "case": case.name if case.visible else f"🔒 {case.name}",
                "status": ("✅ " if case.passed else "⏭️ " if case.status is Status.NOT_RUN else "❌ ")
                + case.status.label.lower(),
                "expected": _values(case.expected) if case.visible else "hidden",
                "got": _values(case.got) if case.visible else "hidden",
                "max error": f"{case.max_abs_error:.2g}" if case.visible and case.max_abs_error is not None else "",
                "time (s)": round(case.time_s, 2),
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={
            "max error": st.column_config.TextColumn(help="largest absolute difference from the reference"),
            "case": st.column_config.TextColumn(help="🔒 hidden cases run on Submit and keep their values secret"),
        },
    )
    for case in verdict.cases:
        if case.visible and not case.passed and case.message and case.error is None:
            st.caption(f"**{literal(case.name)}**: {literal(case.message)}")


def error_panel(verdict: Verdict) -> None:
    """The first error: message, line, trimmed traceback and the matching pitfall advice."""
    error = verdict.first_error()
    if error is None:
        return
    where = f" on line {error.line}" if error.line else ""
    with st.container(border=True):
        st.markdown(f"**{literal(error.type)}{where}**")
        if error.traceback:
            st.code(error.traceback, language="text")
        elif error.message:
            st.code(error.message, language="text")
        for advice in error.advice:
            st.info(advice, icon=":material/lightbulb:")


def printed_output(verdict: Verdict) -> None:
    """What the code printed, per case."""
    printed = [(c.name, c.stdout) for c in verdict.cases if c.stdout]
    if not printed:
        return
    with st.expander(f"Printed output ({len(printed)} case{'s' if len(printed) > 1 else ''})"):
        for name, text in printed:
            st.caption(literal(name))
            st.code(text, language="text")


def loss_curves(verdict: Verdict, key: str) -> None:
    """Overlaid loss curves for a chosen case, with a log-scale toggle."""
    with_curves = [c for c in verdict.cases if c.losses or c.reference_losses]
    if not with_curves:
        return
    st.markdown("##### Loss curves")
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    names = [c.name for c in with_curves]
    chosen = left.selectbox("Case", names, key=f"{key}-case", format_func=lambda n: _case_label(with_curves, n))
    log_scale = right.toggle("Log scale", key=f"{key}-log")
    case = next(c for c in with_curves if c.name == chosen)
    st.altair_chart(loss_chart(case.losses, case.reference_losses, log_scale), width="stretch")
    if not case.visible:
        st.caption("Hidden case: only your curve is drawn, so the expected values stay hidden.")
    elif not case.losses:
        st.caption("Your code computed no loss through nnx.value_and_grad on this case.")


def _case_label(cases: list[CaseResult], name: str) -> str:
    case = next(c for c in cases if c.name == name)
    return f"{name} ({'visible' if case.visible else 'hidden'}, {case.status.label.lower()})"


def show(verdict: Verdict, key: str) -> None:
    """Everything about one verdict, in reading order."""
    banner(verdict)
    error_panel(verdict)
    case_table(verdict)
    printed_output(verdict)
    loss_curves(verdict, key)
