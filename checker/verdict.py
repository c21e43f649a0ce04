"""Verdict data model: statuses, per-case results and their versioned JSON form."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from enum import Enum, StrEnum
from typing import Any

SCHEMA_VERSION = 1
MAX_VERDICT_BYTES = 256 * 1024  # a verdict's JSON (and so a stored row) never grows past this
MAX_TEXT_CHARS = 2_000  # any other learner-controlled string: messages, exception names
MAX_LOSS_POINTS = 2_000  # per curve; the exercises train for far fewer steps


def text(value: Any, limit: int = MAX_TEXT_CHARS) -> str:
    """A learner-controlled value as displayable text: a string, capped, with no lone surrogates."""
    if value is None:
        return ""
    value = value if isinstance(value, str) else str(value)
    if len(value) > limit:
        value = value[:limit] + f"\n[... {len(value) - limit} more characters]"
    return value.encode("utf-8", errors="backslashreplace").decode("utf-8")


class Status(StrEnum):
    """Outcome of a whole submission or of one case."""

    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    RUNTIME_ERROR = "runtime_error"
    SYNTAX_ERROR = "syntax_error"
    MISSING_FUNCTION = "missing_function"
    TIME_LIMIT = "time_limit"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    INTERNAL_ERROR = "internal_error"
    NOT_RUN = "not_run"  # a case skipped because the submission stopped earlier

    @property
    def label(self) -> str:
        """Human-readable name, e.g. 'Wrong answer'."""
        return self.value.replace("_", " ").capitalize()


@dataclass
class ErrorInfo:
    """An error raised by the learner's code, located in their own source."""

    type: str
    message: str
    line: int | None = None
    column: int | None = None
    traceback: str = ""
    advice: list[str] = field(default_factory=list)


@dataclass
class CaseResult:
    """Result of running the submission on one case."""

    name: str
    visible: bool
    status: Status
    message: str = ""
    description: str = ""
    expected: Any = None
    got: Any = None
    max_abs_error: float | None = None
    time_s: float = 0.0
    stdout: str = ""
    losses: list[float] = field(default_factory=list)
    reference_losses: list[float] | None = None
    error: ErrorInfo | None = None
    warnings: list[str] = field(default_factory=list)  # warnings raised while the case ran

    @property
    def passed(self) -> bool:
        """True when this case matched the reference."""
        return self.status is Status.ACCEPTED


@dataclass
class Verdict:
    """The checker's answer for one submission: the contract read by the CLI and the app."""

    slug: str
    mode: str
    status: Status
    passed: int = 0
    total: int = 0
    message: str = ""
    cases: list[CaseResult] = field(default_factory=list)
    error: ErrorInfo | None = None
    duration_s: float = 0.0
    version: int = SCHEMA_VERSION

    @property
    def accepted(self) -> bool:
        """True when every case passed."""
        return self.status is Status.ACCEPTED

    def first_error(self) -> ErrorInfo | None:
        """The submission-level error, or the first case's error."""
        if self.error is not None:
            return self.error
        return next((c.error for c in self.cases if c.error is not None), None)

    def bounded(self, limit: int = MAX_VERDICT_BYTES) -> Verdict:
        """Trim this verdict in place until its JSON fits in `limit` bytes; printed output goes first."""
        trims = (
            lambda c: setattr(c, "stdout", text(c.stdout, 1_000)),
            lambda c: c.error and setattr(c.error, "traceback", text(c.error.traceback, 1_000)),
            lambda c: setattr(c, "losses", c.losses[:200]),
            lambda c: c.reference_losses and setattr(c, "reference_losses", c.reference_losses[:200]),
            lambda c: setattr(c, "got", None),
            lambda c: setattr(c, "stdout", ""),
            lambda c: c.error and setattr(c.error, "traceback", ""),
            lambda c: setattr(c, "message", text(c.message, 200)),
        )
        for trim in trims:
            if len(self.to_json().encode("utf-8")) <= limit:
                break
            for case in self.cases:
                trim(case)
        return self

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, with non-finite floats spelled as strings."""
        return _finite(asdict(self))

    def to_json(self, indent: int | None = None) -> str:
        """Versioned JSON text (strict JSON: no NaN literals)."""
        return json.dumps(self.to_dict(), indent=indent, allow_nan=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        """Rebuild a verdict from `to_dict` output; rejects other schema versions."""
        if data.get("version") != SCHEMA_VERSION:
            raise ValueError(f"unsupported verdict version {data.get('version')!r}, expected {SCHEMA_VERSION}")
        data = dict(data)
        data["status"] = Status(data["status"])
        data["error"] = _error(data.get("error"))
        cases = []
        for case in data.get("cases", []):
            case = dict(case)
            case["status"] = Status(case["status"])
            case["error"] = _error(case.get("error"))
            case["losses"] = [_unfinite(v) for v in case.get("losses", [])]
            if case.get("reference_losses") is not None:
                case["reference_losses"] = [_unfinite(v) for v in case["reference_losses"]]
            cases.append(CaseResult(**case))
        data["cases"] = cases
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> Verdict:
        """Parse `to_json` output."""
        return cls.from_dict(json.loads(text))


def _error(data: dict[str, Any] | None) -> ErrorInfo | None:
    return None if data is None else ErrorInfo(**data)


def _finite(value: Any) -> Any:
    """Replace NaN and infinities by the strings 'nan', 'inf', '-inf', recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def _unfinite(value: Any) -> Any:
    """Inverse of `_finite` for one number."""
    if isinstance(value, str) and value in {"nan", "inf", "-inf"}:
        return float(value)
    return value
