"""Staged comparison of a learner's output with the reference: type, shape, dtype, values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_OUTPUT_ELEMENTS = 100_000  # larger outputs are described by shape only


@dataclass(frozen=True)
class Comparison:
    """Whether an output matched, why not, and by how much it missed."""

    ok: bool
    message: str
    max_abs_error: float | None = None


def encode_output(value: Any) -> dict[str, Any]:
    """Describe a returned value as plain data (runs in the learner's process)."""
    if value is None or isinstance(value, (str, bytes, dict)) or not _array_like(value):
        return {"kind": "not_array", "type": type(value).__name__}
    try:
        array = np.asarray(value)
    except Exception as exc:  # a broken __array__ must not crash the runner
        return {"kind": "not_array", "type": type(value).__name__, "reason": f"{type(exc).__name__}: {exc}"}
    if array.dtype.kind not in "biuf":
        return {"kind": "not_array", "type": f"array of {array.dtype}"}
    encoded = {"kind": "array", "dtype": str(array.dtype), "shape": [int(n) for n in array.shape]}
    if array.size <= MAX_OUTPUT_ELEMENTS:
        encoded["data"] = [float(v) for v in array.astype(np.float64).ravel()]
    return encoded


def _array_like(value: Any) -> bool:
    return isinstance(value, (int, float, list, tuple, np.ndarray, np.generic)) or hasattr(value, "__array__")


def decode_output(encoded: dict[str, Any]) -> np.ndarray | None:
    """Rebuild the array from `encode_output` data; None when it was not an array or too big."""
    if encoded.get("kind") != "array" or "data" not in encoded:
        return None
    shape = tuple(int(n) for n in encoded["shape"])
    data = np.asarray(encoded["data"], dtype=np.float64)
    if data.size != int(np.prod(shape)):
        raise ValueError(f"output data has {data.size} values for shape {shape}")
    return data.reshape(shape)


def describe(encoded: dict[str, Any]) -> str:
    """Short description of an encoded output, e.g. 'float32 array of shape (2,)'."""
    if encoded.get("kind") == "array":
        return f"{encoded['dtype']} array of shape {tuple(encoded['shape'])}"
    reason = f" ({encoded['reason']})" if encoded.get("reason") else ""
    return f"{encoded.get('type', 'unknown')}{reason}"


def compare(got: dict[str, Any], expected: np.ndarray, rtol: float, atol: float) -> Comparison:
    """Compare an encoded learner output with the reference array, stage by stage."""
    want = f"a float array of shape {expected.shape}"
    if got.get("kind") != "array":
        return Comparison(False, f"expected {want}, got {describe(got)}")
    shape = tuple(got["shape"])
    if shape != expected.shape:
        return Comparison(False, f"expected shape {expected.shape}, got shape {shape}")
    if np.dtype(got["dtype"]).kind != "f":
        return Comparison(False, f"expected a floating-point dtype, got {got['dtype']}")
    values = decode_output(got)
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
