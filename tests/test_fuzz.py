"""Fuzzing the untrusted channel: whatever the learner's process writes, reading it never crashes."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.runner import classify_exit, read_results

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_random_bytes_are_ignored_not_trusted(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "results.jsonl"
    path.write_bytes(data)
    run = read_results(path)
    assert all(isinstance(name, str) for name in run.records)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(JSON_VALUES, max_size=10))
def test_arbitrary_json_lines_never_crash_the_reader(tmp_path: Path, lines: list) -> None:
    path = tmp_path / "results.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines))
    run = read_results(path)
    for name, record in run.records.items():
        assert isinstance(name, str) and isinstance(record, dict)


@settings(max_examples=100, deadline=None)
@given(st.integers(-64, 255), st.text(max_size=200))
def test_any_exit_is_classified(returncode: int, stderr: str) -> None:
    ended, detail = classify_exit(returncode, stderr)
    assert ended in {"memory_limit", "output_limit", "crashed"} and detail
