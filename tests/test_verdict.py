"""The verdict JSON contract: versioned, strict JSON, lossless round trip."""

from __future__ import annotations

import json
import math

import pytest

from checker.verdict import SCHEMA_VERSION, CaseResult, ErrorInfo, Status, Verdict


def _sample() -> Verdict:
    case = CaseResult(
        "case-1",
        True,
        Status.WRONG_ANSWER,
        message="expected 1 at index 0, got nan",
        expected=[1.0, 2.0],
        got=[float("nan"), float("inf")],
        max_abs_error=float("inf"),
        losses=[3.0, float("nan")],
        reference_losses=[3.0, 2.0],
        error=ErrorInfo("ValueError", "bad", 3, None, "Traceback", ["advice"]),
    )
    return Verdict("slug", "submit", Status.WRONG_ANSWER, 0, 1, "Passed 0 of 1.", [case])


def test_json_is_strict_and_versioned() -> None:
    text = _sample().to_json()
    data = json.loads(text, parse_constant=lambda name: pytest.fail(f"non-standard constant {name}"))
    assert data["version"] == SCHEMA_VERSION == 1
    assert data["status"] == "wrong_answer"
    assert {"status", "passed", "total", "cases"} <= data.keys()
    assert data["cases"][0]["got"] == ["nan", "inf"]


def test_round_trip_restores_types() -> None:
    verdict = Verdict.from_json(_sample().to_json())
    case = verdict.cases[0]
    assert verdict.status is Status.WRONG_ANSWER
    assert case.status is Status.WRONG_ANSWER
    assert isinstance(case.error, ErrorInfo) and case.error.line == 3
    assert math.isnan(case.losses[1])


def test_other_versions_are_refused() -> None:
    data = _sample().to_dict()
    data["version"] = 2
    with pytest.raises(ValueError, match="unsupported verdict version 2"):
        Verdict.from_dict(data)


def test_status_labels_read_well() -> None:
    assert Status.WRONG_ANSWER.label == "Wrong answer"
    assert Status.ACCEPTED.label == "Accepted"
