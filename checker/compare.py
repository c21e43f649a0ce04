"""Staged comparison of a learner's output with the reference: type, shape, dtype, values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from checker.protocol import decode_output


@dataclass(frozen=True)
class Comparison:
    """Whether an output matched, why not, and by how much it missed."""

    ok: bool
    message: str
    max_abs_error: float | None = None


UNREADABLE = "the returned value could not be read back"
MAX_NAME_CHARS = 200


def describe(encoded: Any) -> str:
    """Short description of an encoded output, e.g. 'float32 array of shape (2,)'."""
    if not isinstance(encoded, dict):
        return "unknown"
    if encoded.get("kind") == "array":
        return f"{str(encoded.get('dtype'))[:MAX_NAME_CHARS]} array of shape {_shape(encoded)}"
    reason = f" ({str(encoded['reason'])[:MAX_NAME_CHARS]})" if encoded.get("reason") else ""
    return f"{str(encoded.get('type', 'unknown'))[:MAX_NAME_CHARS]}{reason}"


def _shape(encoded: dict[str, Any]) -> tuple[int, ...] | str:
    try:
        return tuple(int(n) for n in encoded["shape"])
    except (KeyError, TypeError, ValueError):
        return "?"


def compare(got: Any, expected: np.ndarray, rtol: float, atol: float) -> Comparison:
    """Compare an encoded learner output with the reference array, stage by stage.

    `got` comes from the learner's process, so every field is checked before it is used.
    """
    want = f"a float array of shape {expected.shape}"
    if not isinstance(got, dict) or got.get("kind") != "array":
        return Comparison(False, f"expected {want}, got {describe(got)}")
    shape = _shape(got)
    try:
        kind = np.dtype(str(got.get("dtype"))).kind
    except Exception:  # numpy raises several kinds of error for a name it does not know
        kind = "?"
    if shape == "?" or kind == "?":
        return Comparison(False, UNREADABLE)
    if shape != expected.shape:
        return Comparison(False, f"expected shape {expected.shape}, got shape {shape}")
    if kind != "f":
        return Comparison(False, f"expected a floating-point dtype, got {str(got['dtype'])[:MAX_NAME_CHARS]}")
    try:
        values = decode_output(got)
    except ValueError:
        return Comparison(False, UNREADABLE)
    if values is None:
        return Comparison(False, f"expected {want}, got an output too large to compare")
    expected = expected.astype(np.float64)
    bad_nan = np.isnan(values) & ~np.isnan(expected)
    bad_inf = np.isinf(values) & ~np.isinf(expected)
    both_finite = np.isfinite(values) & np.isfinite(expected)
    error = np.abs(values - expected, where=both_finite, out=np.zeros_like(values))
    max_error = float(error.max()) if error.size else 0.0
    if bad_nan.any() or bad_inf.any():
        where = np.argwhere(bad_nan | bad_inf)[0]
        index = tuple(int(i) for i in where)
        return Comparison(
            False,
            f"expected {_num(expected[index])} at index {_index(index)}, got {_num(values[index])}",
            float("inf"),
        )
    close = np.isclose(values, expected, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return Comparison(True, "matches the reference", max_error)
    index = tuple(int(i) for i in np.argwhere(~close)[0])
    return Comparison(
        False,
        f"expected {_num(expected[index])} at index {_index(index)}, got {_num(values[index])} "
        f"(max abs error {max_error:.3g}; tolerance rtol={rtol:g}, atol={atol:g})",
        max_error,
    )


def _num(value: float) -> str:
    return f"{float(value):.6g}"


def _index(index: tuple[int, ...]) -> str:
    return str(index[0]) if len(index) == 1 else str(list(index))
