"""Join links for a class and their QR codes, sized to be read off a projector."""

from __future__ import annotations

import io
import urllib.parse

import segno

CLASS_PARAM = "class"
QR_SCALE = 12  # pixels per module: a version-3 code is about 400 px wide with its border


def app_root(page_url: str | None, page_path: str) -> str:
    """The app's root address from the address of one of its pages (`http://host:port/base`)."""
    if not page_url:
        return "http://localhost:8501"
    parts = urllib.parse.urlsplit(page_url)
    path = parts.path.rstrip("/")
    if page_path and path.endswith("/" + page_path):
        path = path[: -len(page_path) - 1]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def join_link(root: str, code: str) -> str:
    """The address a student opens to join the class `code`."""
    return f"{root}/?{urllib.parse.urlencode({CLASS_PARAM: code})}"


def qr_png(text: str) -> bytes:
    """A PNG of the QR code of `text` (error correction M or better, a quiet zone of 4 modules)."""
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="png", scale=QR_SCALE, border=4)
    return out.getvalue()
