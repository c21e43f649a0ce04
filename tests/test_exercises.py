"""Every exercise folder is complete and self-checking: reference accepted, starter and wrong/ rejected."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from checker.problems import list_problems, tracks
from checker.validate import declared_status, format_table, validate
from checker.verdict import Status

PROBLEMS = list_problems()
SLUGS = [p.slug for p in PROBLEMS]
SECTIONS = ("## Why it matters", "## The API", "## Your task", "## Inputs", "## Output", "## Pitfalls")


def test_the_bank_has_thirty_exercises_in_six_tracks() -> None:
    assert len(PROBLEMS) >= 30
    assert len({p.track for p in PROBLEMS}) >= 6
    assert set(SLUGS) >= {
        "nnx-optimizer-basics",
        "nnx-train-step",
        "nnx-train-batchnorm",
        "nnx-multimetric",
        "nnx-metrics-accuracy",
        "nnx-metrics-welford",
    }


@pytest.mark.parametrize("problem", PROBLEMS, ids=SLUGS)
def test_folder_is_complete(problem) -> None:
    statement = problem.statement
    for section in SECTIONS:
        assert section in statement, f"{problem.slug}: statement lacks {section!r}"
    assert problem.hints and problem.pitfalls
    assert len(problem.wrong_solutions()) >= 6
    for path in problem.right_solutions():
        assert declared_status(path) == "accepted", path
    for path in problem.wrong_solutions():
        assert declared_status(path) in {s.value for s in Status}, path
    namespace: dict = {}
    exec(compile(problem.reference, "reference.py", "exec"), namespace)
    assert list(inspect.signature(namespace[problem.entry]).parameters) == [a.name for a in problem.args]


@pytest.mark.parametrize("problem", PROBLEMS, ids=SLUGS)
def test_cases_follow_the_conventions(problem) -> None:
    cases = problem.cases()
    assert len(cases) >= 7
    assert sum(c.visible for c in cases) >= 2 and any(not c.visible for c in cases)
    kinds = {a.name: a.kind for a in problem.args}
    for case in cases:
        assert list(case.args) == list(kinds), case.name
        for name, value in case.args.items():
            if kinds[name] == "float":
                assert type(value) is float, f"{case.name}.{name} must be a Python float"
            else:
                assert isinstance(value, np.ndarray) and value.ndim == 2 and value.dtype == np.float32
    again = problem.cases()
    for first, second in zip(cases, again, strict=True):
        for name in first.args:
            np.testing.assert_array_equal(first.args[name], second.args[name])


def test_every_track_spans_the_difficulties() -> None:
    tracks: dict[str, set[str]] = {}
    for problem in PROBLEMS:
        tracks.setdefault(problem.track, set()).add(problem.difficulty)
    assert len(tracks) >= 6, sorted(tracks)
    for track, difficulties in tracks.items():
        assert difficulties == {"easy", "medium", "hard"}, f"{track}: {sorted(difficulties)}"


def test_every_track_is_in_the_suggested_order() -> None:
    names = [track.name for track in tracks()]
    assert {p.track for p in PROBLEMS} <= set(names), "add the track to problems/tracks.toml"
    assert [p.track for p in PROBLEMS] == sorted((p.track for p in PROBLEMS), key=names.index)


def test_orders_are_unique_within_a_track() -> None:
    seen = [(p.track, p.order) for p in PROBLEMS]
    assert len(seen) == len(set(seen)), seen


@pytest.mark.slow
def test_validate_every_exercise() -> None:
    rows = validate(PROBLEMS)
    assert all(row.ok for row in rows), "\n" + format_table([row for row in rows if not row.ok])
