"""Who may open the Teacher page: the teacher key, or a signed-in teacher where st.login is set up."""

from __future__ import annotations

import hashlib
import hmac
import os

import streamlit as st

KEY_SETTING = "NNX_DOJO_TEACHER_KEY"
EMAILS_SETTING = "NNX_DOJO_TEACHER_EMAILS"  # comma-separated addresses allowed through st.login
MIN_KEY_CHARS = 12  # a short key could be guessed through the page
MAX_KEY_CHARS = 200


def _setting(name: str) -> str:
    """A setting from the environment, else from Streamlit's secrets ('' when neither has it)."""
    value = os.environ.get(name)
    if value is None:
        try:
            value = st.secrets.get(name)
        except Exception:  # no secrets file, or an unreadable one: the setting is simply absent
            value = None
    return str(value).strip() if value is not None else ""


def configured_key() -> str:
    """The teacher key this server accepts ('' when none is configured or it is too short to be safe)."""
    key = _setting(KEY_SETTING)
    return key if MIN_KEY_CHARS <= len(key) <= MAX_KEY_CHARS else ""


def key_problem() -> str:
    """Why the configured key cannot be used ('' when it can): missing, too short or too long."""
    key = _setting(KEY_SETTING)
    if not key:
        return f"No teacher key is configured ({KEY_SETTING})."
    if len(key) < MIN_KEY_CHARS:
        return f"The teacher key ({KEY_SETTING}) is shorter than {MIN_KEY_CHARS} characters, so it is not used."
    if len(key) > MAX_KEY_CHARS:
        return f"The teacher key ({KEY_SETTING}) is longer than {MAX_KEY_CHARS} characters, so it is not used."
    return ""


def owner_of_key(key: str) -> str:
    """The owner id of a teacher key: a hash, so the key itself is never stored."""
    return "key:" + hashlib.sha256(b"nnx-dojo teacher key\0" + key.encode()).hexdigest()[:32]


def owner_for_typed_key(typed: str) -> str | None:
    """The owner id when `typed` is the configured key (compared in constant time), else None."""
    key = configured_key()
    if not key or not typed or len(typed) > MAX_KEY_CHARS:
        return None
    if hmac.compare_digest(typed.encode("utf-8", "backslashreplace"), key.encode()):
        return owner_of_key(key)
    return None


def signed_in_owner() -> str | None:
    """The owner id of a teacher signed in through st.login whose address is listed, else None."""
    allowed = {email.strip().lower() for email in _setting(EMAILS_SETTING).split(",") if email.strip()}
    if not allowed:
        return None
    try:
        user = st.user.to_dict()
    except Exception:  # st.login is not configured on this server
        return None
    email = str(user.get("email") or "").strip().lower()
    if not user.get("is_logged_in") or email not in allowed:
        return None
    return "user:" + hashlib.sha256(b"nnx-dojo teacher\0" + email.encode()).hexdigest()[:32]
