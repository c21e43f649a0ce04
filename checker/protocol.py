"""The wire protocol between the host and a learner process: messages, statuses and value encodings.

This is the only checker module that code inside the sandbox imports. The host writes JSON lines
to the learner process's stdin (an optional warm-up, then one job); the learner process writes
JSON lines to a pipe the host created (file descriptor `RESULTS_FD`). Nothing else is exchanged:
the host opens no file that the learner process could have created or replaced.
"""

from __future__ import annotations

import base64
import json
from enum import StrEnum
from typing import Any

import numpy as np

RESULTS_FD = 3  # the learner process writes its records here; the host holds the read end
SOLUTION_FILENAME = "solution.py"
MAX_OUTPUT_ELEMENTS = 100_000  # larger returned arrays are described by their shape only
MAX_LINE_BYTES = 4 * 1024 * 1024  # a longer record line is dropped by the host unread


class Event(StrEnum):
    """The kind of a record written by the learner process."""

    READY = "ready"  # imports and warm-up done; waiting for the job
    START = "start"  # the job arrived; the learner's code is about to run
    SYNTAX_ERROR = "syntax_error"
    CASE = "case"
    DONE = "done"


class Message(StrEnum):
    """The kind of a line written by the host."""

    WARM_UP = "warm_up"
    JOB = "job"


class CaseOutcome(StrEnum):
    """How one case ended inside the learner process."""

    OK = "ok"
    ERROR = "error"
    MISSING_FUNCTION = "missing_function"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"


def encode_line(message: dict[str, Any]) -> bytes:
    """One JSON line (strict JSON; non-finite floats are not allowed in messages)."""
    return (json.dumps(message, allow_nan=False) + "\n").encode("utf-8")


# Arguments ---------------------------------------------------------------------------


def encode_arg(value: Any) -> Any:
    """An argument as plain data: a float, or an array as dtype, shape and base64 bytes."""
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        return {
            "dtype": array.dtype.str,
            "shape": [int(n) for n in array.shape],
            "data": base64.b64encode(array.tobytes()).decode("ascii"),
        }
    return float(value)


def decode_arg(value: Any) -> Any:
    """Inverse of `encode_arg`: a float or a read-only numpy array."""
    if isinstance(value, dict):
        dtype = np.dtype(value["dtype"])
        if dtype.kind not in "biuf":
            raise ValueError(f"unsupported argument dtype {dtype}")
        array = np.frombuffer(base64.b64decode(value["data"]), dtype=dtype).reshape(value["shape"])
        return array
    return float(value)


def shapes_of(args: list[Any]) -> list[Any]:
    """Arguments with arrays replaced by their shape and dtype only (what a warm-up may know)."""
    return [{"dtype": a["dtype"], "shape": a["shape"]} if isinstance(a, dict) else a for a in args]


# Returned values -------------------------------------------------------------------------


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
    encoded: dict[str, Any] = {"kind": "array", "dtype": str(array.dtype), "shape": [int(n) for n in array.shape]}
    if array.size <= MAX_OUTPUT_ELEMENTS:
        encoded["data"] = [finite_number(float(v)) for v in array.astype(np.float64).ravel()]
    return encoded


def finite_number(value: float) -> float | str:
    """NaN and infinities spelled as strings, so every record is strict JSON."""
    if value != value:
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return value


def _array_like(value: Any) -> bool:
    return isinstance(value, (int, float, list, tuple, np.ndarray, np.generic)) or hasattr(value, "__array__")


def decode_output(encoded: Any) -> np.ndarray | None:
    """Rebuild the array from `encode_output` data; None when it was not an array or too big.

    Raises ValueError for data that does not describe an array (the host treats it as hostile).
    """
    if not isinstance(encoded, dict) or encoded.get("kind") != "array" or "data" not in encoded:
        return None
    try:
        shape = tuple(int(n) for n in encoded["shape"])
        values = [float(v) for v in encoded["data"]]  # float("nan") / float("inf") accept the spellings
    except (TypeError, ValueError, KeyError) as exc:
        raise ValueError(f"malformed output data: {type(exc).__name__}") from exc
    if any(n < 0 for n in shape) or len(values) != int(np.prod(shape, dtype=np.int64)):
        raise ValueError(f"output data has {len(values)} values for shape {shape}")
    return np.asarray(values, dtype=np.float64).reshape(shape)
