"""The warm worker pool: one submission per worker, no leaks between submissions, fallback, recovery."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import Status, check, runner
from checker.pool import WorkerPool
from checker.problems import load_problem


@pytest.fixture
def fixture_problem(fixture_root: Path):
    return load_problem("fixture-affine", fixture_root)


@pytest.fixture
def pool(fixture_problem) -> Iterator[WorkerPool]:
    workers = WorkerPool(1, problems=[fixture_problem])
    workers.want(fixture_problem.slug)
    assert workers.wait_ready(1, timeout=300), "no worker became ready"
    yield workers
    workers.close()


def _check(source: str, fixture_root: Path, pool: WorkerPool | None):
    return check("fixture-affine", source, "submit", root=fixture_root, pool=pool)


def test_a_worker_serves_one_submission_and_is_replaced(pool: WorkerPool, fixture_problem, fixture_root) -> None:
    first = pool.pids()
    verdict = _check(fixture_problem.reference, fixture_root, pool)
    assert verdict.status is Status.ACCEPTED
    assert pool.served == 1 and pool.fallbacks == 0
    assert pool.wait_ready(1, timeout=300)
    assert pool.pids() and set(pool.pids()).isdisjoint(first)


def test_monkeypatching_jax_does_not_leak_into_the_next_submission(
    pool: WorkerPool, fixture_problem, fixture_root
) -> None:
    saboteur = (
        "import jax.numpy as jnp\nimport numpy as np\n\n"
        "jnp.mean = lambda *a, **k: 0.0\nnp.allclose = lambda *a, **k: True\nnp.isclose = lambda a, b, **k: a == a\n\n"
        "def fit_affine(seed, x, y, num_steps):\n    return jnp.zeros(2)\n"
    )
    assert _check(saboteur, fixture_root, pool).status is Status.WRONG_ANSWER
    assert pool.wait_ready(1, timeout=300)
    assert _check(fixture_problem.reference, fixture_root, pool).status is Status.ACCEPTED
    assert pool.served == 2


def test_no_ready_worker_falls_back_to_a_fresh_process(fixture_problem, fixture_root) -> None:
    cold = WorkerPool(1, problems=[fixture_problem])
    cold.want(fixture_problem.slug)
    try:
        verdict = _check(fixture_problem.reference, fixture_root, cold)  # the worker is still warming up
    finally:
        cold.close()
    assert verdict.status is Status.ACCEPTED
    assert cold.fallbacks >= 1


def test_short_soak_with_a_timeout_recovers(
    pool: WorkerPool, fixture_problem, fixture_root, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NNX_DOJO_TIME_SCALE", "0.5")  # the fixture's 8 s limit becomes 4 s
    loop = "def fit_affine(*args):\n    while True:\n        pass\n"
    wrong = (fixture_problem.folder / "wrong" / "no_update.py").read_text()
    plan = [(fixture_problem.reference, Status.ACCEPTED), (loop, Status.TIME_LIMIT), (wrong, Status.WRONG_ANSWER)] * 2
    for source, want in plan:
        pool.wait_ready(1, timeout=300)
        assert _check(source, fixture_root, pool).status is want
    assert pool.wait_ready(1, timeout=300)
    assert pool.served >= 4


def test_workers_are_warmed_for_the_wanted_exercise_only(pool: WorkerPool, fixture_problem) -> None:
    assert pool.ready_count(fixture_problem.slug) == 1
    assert pool.acquire("some-other-exercise") is None  # never hands out a worker warmed for another one
    assert pool.ready_count(fixture_problem.slug) == 1
    pool.want("no-such-exercise")  # unknown exercises are dropped, not retried forever
    assert pool.wait_ready(1, timeout=60, slug=fixture_problem.slug)


def _cpu_seconds(pid: int) -> float:
    """User plus system time of a process and everything below it."""
    total = 0.0
    for each in [pid, *runner.descendants(pid)]:
        try:
            with open(f"/proc/{each}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            continue
    return total


def test_warming_is_frozen_while_a_check_runs(fixture_problem, fixture_root, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_TIME_SCALE", "0.5")
    monkeypatch.setenv("NNX_DOJO_MAX_CONCURRENT", "1")  # one check takes every slot
    warming = WorkerPool(1, problems=[fixture_problem])
    warming.want(fixture_problem.slug)
    try:
        deadline = time.monotonic() + 120
        while not warming.workers() and time.monotonic() < deadline:
            time.sleep(0.01)
        worker = warming.workers()[0]
        loop = "def fit_affine(*args):\n    while True:\n        pass\n"
        checking = threading.Thread(target=_check, args=(loop, fixture_root, None))
        checking.start()
        while runner.active_runs() == 0:
            time.sleep(0.01)
        time.sleep(1.0)  # the pool notices within its 50 ms tick
        assert not worker.ready(), "the worker finished warming before it could be frozen"
        before = _cpu_seconds(worker.process.pid)
        time.sleep(2.0)
        used = _cpu_seconds(worker.process.pid) - before
        still_checking = runner.active_runs() > 0
        checking.join()
        assert still_checking and used < 0.1, f"a frozen worker used {used:.2f} s of CPU in 2 s"
        assert warming.wait_ready(1, timeout=300), "the worker did not resume after the check"
    finally:
        warming.close()


def test_a_worker_frozen_when_it_became_ready_still_serves_at_once(pool: WorkerPool, fixture_root) -> None:
    pool.workers()[0].pause(True)  # a freeze that raced with the end of warming
    began = time.monotonic()
    verdict = _check("import os\n\nos._exit(3)\n", fixture_root, pool)
    assert pool.served == 1
    assert verdict.status is Status.RUNTIME_ERROR, verdict.message
    assert time.monotonic() - began < 10, "a frozen sandbox held the verdict back"
