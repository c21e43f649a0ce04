"""Class codes and the names people type (class names, display names): generated, checked, capped."""

from __future__ import annotations

import re
import secrets
import unicodedata

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or off a projector
CODE_LENGTH = 8  # 31^8: about 40 bits, so a code cannot be guessed through the join form
_CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
MAX_DISPLAY_NAME = 40
MAX_CLASS_NAME = 80


class InvalidName(ValueError):
    """A typed name that cannot be used; the message says why, for the person who typed it."""


def new_class_code() -> str:
    """A fresh class code from `secrets`: 8 characters of an alphabet without look-alikes."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def class_code(raw: str) -> str | None:
    """`raw` as a class code (spaces and case forgiven), or None when it cannot be one."""
    code = raw.strip().upper().replace("-", "").replace(" ", "") if isinstance(raw, str) else ""
    return code if _CODE.fullmatch(code) else None


def clean_name(raw: str, limit: int, what: str = "A name") -> str:
    """A typed name made safe to store and show: NFC, trimmed, 1..limit characters, no control or format characters.

    Control, format (bidirectional overrides, zero-width characters), private-use, unassigned and
    surrogate code points are refused rather than dropped, so the name shown is the name typed.
    """
    name = unicodedata.normalize("NFC", raw if isinstance(raw, str) else "").strip()
    if not name:
        raise InvalidName(f"{what} cannot be empty.")
    if len(name) > limit:
        raise InvalidName(f"{what} can be at most {limit} characters long.")
    for char in name:
        category = unicodedata.category(char)
        if category[0] == "C" or category in ("Zl", "Zp"):
            raise InvalidName(f"{what} cannot contain invisible or control characters (U+{ord(char):04X}).")
    return name
