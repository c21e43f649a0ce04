"""Fuzzing the untrusted channel: whatever the learner's process sends, reading and judging it never crashes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import core
from checker.expected import ExpectedCase
from checker.problems import load_problem
from checker.protocol import MAX_LINE_BYTES
from checker.runner import RecordReader, classify_exit, collect
from checker.verdict import Status

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
RECORD_FIELDS = st.fixed_dictionaries(
    {"event": st.just("case"), "name": st.sampled_from(["visible-one", "hidden-one"])},
    optional={
        "status": st.sampled_from(["ok", "error", "missing_function", "memory_limit", "output_limit", "?"])
        | JSON_VALUES,
        "output": JSON_VALUES
        | st.fixed_dictionaries(
            {"kind": st.just("array")},
            optional={
                "dtype": JSON_VALUES | st.sampled_from(["float32", "int8", "bogus"]),
                "shape": JSON_VALUES,
                "data": JSON_VALUES,
            },
        ),  # fmt: skip
        "error": JSON_VALUES
        | st.dictionaries(
            st.sampled_from(["type", "message", "line", "column", "traceback"]), JSON_VALUES
        ),  # fmt: skip
        "stdout": JSON_VALUES,
        "losses": JSON_VALUES,
        "time_s": JSON_VALUES,
        "message": JSON_VALUES,
    },
)


def _reader(chunks: list[bytes]) -> RecordReader:
    reader = RecordReader()
    for chunk in chunks:
        reader.feed(chunk)
    return reader


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=500), max_size=8))
def test_random_bytes_are_ignored_not_trusted(chunks: list[bytes]) -> None:
    run = collect(_reader(chunks).records, _reader(chunks).events)
    assert all(isinstance(name, str) for name in run.records)


@settings(max_examples=200, deadline=None)
@given(st.lists(JSON_VALUES, max_size=10))
def test_arbitrary_json_lines_never_crash_the_reader(lines: list) -> None:
    reader = _reader([("\n".join(json.dumps(line) for line in lines) + "\n").encode()])
    run = collect(reader.records, reader.events)
    for name, record in run.records.items():
        assert isinstance(name, str) and isinstance(record, dict)


def test_an_overlong_line_is_dropped_and_the_next_one_read() -> None:
    good = json.dumps({"event": "case", "name": "after", "status": "ok"}).encode()
    reader = _reader(
        [b'{"event": "case", "name": "x", "pad": "' + b"a" * (MAX_LINE_BYTES + 10), b'"}\n' + good + b"\n"]
    )
    assert [r["name"] for r in reader.records] == ["after"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(RECORD_FIELDS, st.booleans())
def test_any_case_record_gets_a_bounded_judgement(fixture_root: Path, record: dict, visible: bool) -> None:
    import numpy as np

    problem = load_problem("fixture-affine", fixture_root)
    case = problem.cases()[0]
    case = type(case)(record["name"], visible, case.description, case.args)
    expected = ExpectedCase(np.array([4242.5, 9191.25]), [7373.5, 6464.25])
    run = collect([record], {"case", "done"})
    result = core._case_result(problem, case, expected, run, later=False)
    assert isinstance(result.status, Status)
    assert len(result.message) < 5_000 and len(result.stdout) < 20_000
    if not visible:
        assert result.expected is None and result.got is None and result.max_abs_error is None
        secrets = ("4242", "9191", "7373", "6464")
        sent = json.dumps(record, default=str)  # what the learner itself sent may be echoed back
        shown = json.dumps(dataclasses.asdict(result), default=str)
        assert not any(secret in shown and secret not in sent for secret in secrets)


@settings(max_examples=100, deadline=None)
@given(st.integers(-64, 255), st.text(max_size=200))
def test_any_exit_is_classified(returncode: int, stderr: str) -> None:
    ended, detail = classify_exit(returncode, stderr)
    assert ended in {"memory_limit", "output_limit", "crashed"} and detail
