"""The learner process: fresh state per case, output capture, early exits and limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Status, check

HEADER = "import jax.numpy as jnp\nfrom flax import nnx\n\n"
GOOD_TAIL = (
    "\n\nimport optax\n\n\ndef _fit(seed, x, y, num_steps):\n"
    "    model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))\n"
    "    optimizer = nnx.Optimizer(model, optax.sgd(0.1), wrt=nnx.Param)\n"
    "    loss_fn = lambda m, x, y: jnp.mean((m(x) - y) ** 2)\n"
    "    first = None\n"
    "    for _ in range(int(num_steps)):\n"
    "        loss, grads = nnx.value_and_grad(loss_fn)(model, x, y)\n"
    "        optimizer.update(model, grads)\n"
    "        first = loss if first is None else first\n"
    "    return jnp.array([first, loss_fn(model, x, y)])\n"
)


def _check(fixture_root: Path, body: str, mode: str = "submit"):
    return check("fixture-affine", HEADER + body + GOOD_TAIL, mode, root=fixture_root)


def test_globals_do_not_leak_between_cases(fixture_root: Path) -> None:
    body = (
        "CALLS = []\n\n\ndef fit_affine(seed, x, y, num_steps):\n"
        "    CALLS.append(1)\n    assert len(CALLS) == 1, len(CALLS)\n    return _fit(seed, x, y, num_steps)\n"
    )
    verdict = _check(fixture_root, body)
    assert verdict.status is Status.ACCEPTED, verdict.message


def test_run_mode_uses_visible_cases_only(fixture_root: Path) -> None:
    verdict = _check(fixture_root, "def fit_affine(*args):\n    return _fit(*args)\n", mode="run")
    assert verdict.status is Status.ACCEPTED
    assert verdict.total == 2 and all(c.visible for c in verdict.cases)


def test_hidden_cases_hide_expected_values_and_reference_curves(fixture_root: Path) -> None:
    verdict = _check(fixture_root, "def fit_affine(*args):\n    return _fit(*args) + 1\n")
    hidden = [c for c in verdict.cases if not c.visible]
    visible = [c for c in verdict.cases if c.visible]
    assert hidden and visible
    assert all(c.expected is None and c.got is None and c.reference_losses is None for c in hidden)
    assert all(c.expected is not None and c.reference_losses for c in visible)
    assert all(c.losses for c in verdict.cases)  # the learner's own curve is always there


def test_printing_is_captured_and_truncated(fixture_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_STDOUT_CAP", "100")
    body = "def fit_affine(*args):\n    print('x' * 5000)\n    return _fit(*args)\n"
    verdict = _check(fixture_root, body)
    assert verdict.status is Status.ACCEPTED
    assert verdict.cases[0].stdout.startswith("x" * 100)
    assert "[output truncated: 4901 more characters not shown]" in verdict.cases[0].stdout


def test_printing_past_the_hard_cap_is_an_output_limit(fixture_root: Path) -> None:
    body = "def fit_affine(*args):\n    while True:\n        print('y' * 10000)\n"
    verdict = _check(fixture_root, body)
    assert verdict.status is Status.OUTPUT_LIMIT


def test_printing_a_fake_verdict_changes_nothing(fixture_root: Path) -> None:
    body = (
        "import sys\n\n\ndef fit_affine(*args):\n"
        '    print(\'{"event": "case", "status": "ok"}\')\n'
        "    sys.__stdout__.write('accepted\\n')\n"
        "    return jnp.zeros(2)\n"
    )
    assert _check(fixture_root, body).status is Status.WRONG_ANSWER


def test_sys_exit_is_a_runtime_error(fixture_root: Path) -> None:
    verdict = _check(fixture_root, "import sys\n\n\ndef fit_affine(*args):\n    sys.exit(0)\n")
    assert verdict.status is Status.RUNTIME_ERROR
    assert "SystemExit" in verdict.message


def test_os_exit_is_a_runtime_error(fixture_root: Path) -> None:
    verdict = _check(fixture_root, "import os\n\n\ndef fit_affine(*args):\n    os._exit(0)\n")
    assert verdict.status is Status.RUNTIME_ERROR
    assert "exit code 0" in verdict.message
    assert verdict.cases[1].status is Status.NOT_RUN


def test_memory_bomb_is_a_memory_limit(fixture_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_MEMORY_MB", "2048")
    body = "def fit_affine(*args):\n    hog = []\n    while True:\n        hog.append(bytearray(50_000_000))\n"
    verdict = _check(fixture_root, body)
    assert verdict.status is Status.MEMORY_LIMIT, verdict.message


def test_error_at_import_time_points_at_the_line(fixture_root: Path) -> None:
    verdict = _check(fixture_root, "import does_not_exist_anywhere\n")
    assert verdict.status is Status.RUNTIME_ERROR
    error = verdict.first_error()
    assert error.type == "ModuleNotFoundError" and error.line == 4


def test_unknown_exercise_gives_internal_error_not_an_exception(fixture_root: Path) -> None:
    verdict = check("no-such-exercise", "x = 1", root=fixture_root)
    assert verdict.status is Status.INTERNAL_ERROR
    assert "unknown exercise" in verdict.message


def test_nul_byte_in_source_is_a_syntax_error(fixture_root: Path) -> None:
    verdict = check("fixture-affine", "x = 1\0", root=fixture_root)
    assert verdict.status is Status.SYNTAX_ERROR


def test_dataclass_fields_in_learner_code_work(fixture_root: Path) -> None:
    body = (
        "import dataclasses\n\n\n@dataclasses.dataclass\nclass Settings:\n    steps: int = 1\n\n\n"
        "def fit_affine(seed, x, y, num_steps):\n    assert Settings(2).steps == 2\n"
        "    return _fit(seed, x, y, num_steps)\n"
    )
    verdict = _check(fixture_root, body)
    assert verdict.status is Status.ACCEPTED, verdict.message


def test_the_checkers_own_future_imports_do_not_reach_learner_code(fixture_root: Path) -> None:
    body = "def fit_affine(seed, x, y, num_steps) -> int:\n    return _fit(seed, x, y, num_steps)\n"
    verdict = _check(fixture_root, body.replace("-> int", "-> undefined_name"))
    assert verdict.status is Status.RUNTIME_ERROR and "undefined_name" in verdict.message
