"""Every exercise folder is complete and self-checking: reference accepted, starter and wrong/ rejected."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from checker.problems import list_problems
from checker.validate import declared_status, format_table, validate
from checker.verdict import Status

PROBLEMS = list_problems()
SLUGS = [p.slug for p in PROBLEMS]
SECTIONS = ("## Why it matters", "## The API", "## Your task", "## Inputs", "## Output", "## Pitfalls")


def test_the_six_exercises_exist() -> None:
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
    assert len(problem.wrong_solutions()) >= 4
    for path in problem.wrong_solutions():
        assert declared_status(path) in {s.value for s in Status}, path
    namespace: dict = {}
    exec(compile(problem.reference, "reference.py", "exec"), namespace)
    assert list(inspect.signature(namespace[problem.entry]).parameters) == [a.name for a in problem.args]


@pytest.mark.parametrize("problem", PROBLEMS, ids=SLUGS)
def test_cases_follow_the_conventions(problem) -> None:
    cases = problem.cases()
    assert len(cases) >= 6
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


@pytest.mark.slow
@pytest.mark.parametrize("problem", PROBLEMS, ids=SLUGS)
def test_validate(problem) -> None:
    rows = validate([problem])
    assert all(row.ok for row in rows), "\n" + format_table(rows)
