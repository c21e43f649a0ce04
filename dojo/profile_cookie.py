"""The visitor's profile id in a first-party cookie, so a browser finds its profile without `?u=`.

A cookie rather than the browser's local storage: Streamlit hands the server the cookies of the
page's first request (`st.context.cookies`), so the profile is known in the very first run; local
storage can only be read by a script in the page after it has rendered, which would mean a round
trip and a throwaway profile first. The cookie is written by a one-line script in the page (Streamlit
has no server-side way to set one). Whatever it holds is only a candidate: `session.known_profile`
still decides.
"""

from __future__ import annotations

import json
import re

import streamlit as st

NAME = "nnx_dojo_profile"
MAX_AGE_S = 400 * 24 * 3600  # the longest lifetime browsers keep a cookie
_SAFE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def read() -> str:
    """The profile id this browser sent when the page connected ('' when none)."""
    try:
        return str(st.context.cookies.get(NAME) or "")
    except Exception:  # no browser session (bare script run): nothing remembered
        return ""


def write(profile_id: str) -> None:
    """Ask the browser to remember `profile_id` (SameSite=Lax, Secure on https, about 13 months)."""
    if not _SAFE.fullmatch(profile_id):
        raise ValueError("a profile id holds only letters, digits, '-' and '_'")
    value = json.dumps(f"{NAME}={profile_id}; Path=/; Max-Age={MAX_AGE_S}; SameSite=Lax")
    script = f"<script>document.cookie = {value} + (location.protocol === 'https:' ? '; Secure' : '');</script>"
    st.html(script, unsafe_allow_javascript=True)
