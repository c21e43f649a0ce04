"""Presenter mode (`?present=1`): large, high-contrast text for a projector, on every page."""

from __future__ import annotations

import streamlit as st

from dojo import session

PARAM = "present"
EDITOR_FONT_PX = 24  # readable from the back of a room on a 1280x720 projector
NORMAL_EDITOR_FONT_PX = 16

_COLOURS = {  # text, muted text, background, panel background, border
    "light": ("#000000", "#1a1a1a", "#ffffff", "#f2f2f2", "#000000"),
    "dark": ("#ffffff", "#f0f0f0", "#000000", "#141414", "#ffffff"),
}


def active() -> bool:
    """True in presenter mode: `?present=1` turns it on, any other value off; remembered across pages."""
    asked = st.query_params.get(PARAM)
    if asked is not None:
        st.session_state[session.PRESENT] = asked == "1"
    return bool(st.session_state.get(session.PRESENT, False))


def theme() -> str:
    """'dark' or 'light', as the browser's page is shown now."""
    return "dark" if st.context.theme.type == "dark" else "light"


def editor_font_size() -> int:
    """The code editor's font size in pixels."""
    return EDITOR_FONT_PX if active() else NORMAL_EDITOR_FONT_PX


def editor_wraps() -> bool:
    """Whether long lines wrap in the editor: in presenter mode, where the large font leaves fewer columns."""
    return active()


def editor_theme() -> str:
    """The code editor's colour theme: following the page's, brighter in presenter mode."""
    if theme() == "dark":
        return "tomorrow_night_bright" if active() else "tomorrow_night"
    return "github"


def apply() -> None:
    """In presenter mode, keep `?present=1` in the address and restyle the page; otherwise do nothing."""
    if not active():
        if PARAM in st.query_params:
            del st.query_params[PARAM]
        return
    if st.query_params.get(PARAM) != "1":
        st.query_params[PARAM] = "1"
    st.html(f"<style>{stylesheet(theme())}</style>")


def stylesheet(theme_type: str) -> str:
    """The presenter CSS for a 'light' or 'dark' page: larger type, pure black and white, bold borders."""
    text, muted, background, panel, border = _COLOURS[theme_type]
    return f"""
.stApp, [data-testid="stAppViewContainer"], [data-testid="stHeader"], [data-testid="stMain"] {{
  background: {background} !important; color: {text} !important;
}}
[data-testid="stMainBlockContainer"] {{ padding: 4rem 1.5rem 2rem 1.5rem !important; max-width: 100% !important; }}
[data-testid="stMarkdownContainer"], [data-testid="stMarkdownContainer"] * {{ color: {text} !important; }}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th {{
  font-size: 1.5rem !important; line-height: 1.45 !important;
}}
[data-testid="stMarkdownContainer"] code {{ font-size: 0.95em !important; background: {panel} !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {{
  color: {muted} !important; font-size: 1.2rem !important; opacity: 1 !important;
}}
h1, [data-testid="stHeading"] h1 {{ font-size: 2.6rem !important; color: {text} !important; }}
h2, h3, h4, h5, h6 {{ color: {text} !important; }}
[data-testid="stVerticalBlockBorderWrapper"], [data-testid="stExpander"] details {{
  border-color: {border} !important; border-width: 2px !important;
}}
button p, [data-testid="stWidgetLabel"] p, [data-testid="stPageLink"] p {{ font-size: 1.3rem !important; }}
[data-testid="stAlert"] p {{ font-size: 1.4rem !important; }}
"""
