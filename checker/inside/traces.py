"""Turn exceptions into `ErrorInfo`-shaped dicts that point at the learner's own lines."""

from __future__ import annotations

import traceback
from typing import Any

from checker.protocol import SOLUTION_FILENAME

MAX_MESSAGE_CHARS = 2_000
MAX_LINE_CHARS = 300  # one source line in a traceback
MAX_FRAMES = 30  # a deep recursion shows its first and last frames


def _clip(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + f"\n[... {len(text) - limit} more characters]"


def _source_line(source: str, lineno: int | None) -> str:
    lines = source.splitlines()
    if lineno is None or not 1 <= lineno <= len(lines):
        return ""
    return lines[lineno - 1].strip()


def syntax_error_info(exc: SyntaxError, source: str) -> dict[str, Any]:
    """Line, column and a caret picture for a syntax or indentation error."""
    line = exc.lineno
    column = exc.offset
    text = _source_line(source, line) if line else ""
    picture = ""
    if line and exc.text is not None:
        raw = exc.text.rstrip("\n")
        stripped = raw.lstrip()
        caret = max((column or 1) - 1 - (len(raw) - len(stripped)), 0)
        picture = f"  line {line}\n    {stripped}\n    {' ' * caret}^"
    elif line:
        picture = f"  line {line}\n    {text}"
    return {
        "type": type(exc).__name__,
        "message": _clip(exc.msg or str(exc)),
        "line": line,
        "column": column,
        "traceback": picture,
        "advice": [],
    }


def runtime_error_info(exc: BaseException, source: str) -> dict[str, Any]:
    """The exception with its traceback trimmed to frames in the learner's file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SOLUTION_FILENAME]
    if isinstance(exc, SyntaxError) and exc.filename == SOLUTION_FILENAME:
        return syntax_error_info(exc, source)
    lines = ["Traceback (your code only):"]
    shown = frames if len(frames) <= MAX_FRAMES else frames[:5] + frames[-(MAX_FRAMES - 5) :]
    for number, frame in enumerate(shown):
        if number == 5 and len(frames) > MAX_FRAMES:
            lines.append(f"  [... {len(frames) - MAX_FRAMES} more frames ...]")
        lines.append(f"  line {frame.lineno}, in {_clip(frame.name, MAX_LINE_CHARS)}")
        text = _source_line(source, frame.lineno)
        if text:
            lines.append(f"    {_clip(text, MAX_LINE_CHARS)}")
    if not frames:
        lines.append("  (raised before any line of your code ran)")
    message = _clip(_exception_message(exc))
    name = _clip(type(exc).__name__, MAX_LINE_CHARS)
    lines.append(f"{name}: {message}" if message else name)
    return {
        "type": name,
        "message": message,
        "line": frames[-1].lineno if frames else None,
        "column": None,
        "traceback": "\n".join(lines),
        "advice": [],
    }


def _exception_message(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:
        text = "<the exception's message could not be shown>"
    # JAX appends a long note about filtered frames; the learner does not need it.
    marker = "--------------------\nFor simplicity, JAX has removed"
    return text.split(marker)[0].strip()
