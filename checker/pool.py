"""A pool of pre-started, pre-warmed learner processes, each used for exactly one submission.

A worker imports jax, flax and optax and runs generic NNX code of our own on random arrays with
the shapes of one exercise's cases (see `checker.inside.warmup`), then waits for one job. It never
sees the reference solution or an expected output. After serving one submission the worker is
killed and a new one is warmed in the background, only while no check runs (warming workers are
frozen during checks). When no worker is ready, the checker starts a fresh process instead.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from dataclasses import dataclass, field

from checker import config, folders, runner
from checker.problems import Problem, ProblemError, load_problem
from checker.protocol import Event, Message, encode_arg, shapes_of

log = logging.getLogger("nnx_dojo.pool")
WARM_UP_TIMEOUT_S = 180.0
_default: WorkerPool | None = None
_default_lock = threading.Lock()


@dataclass
class Worker:
    """One pre-started learner process and the exercise it was warmed for."""

    process: runner.LearnerProcess
    slug: str = ""
    started_at: float = field(default_factory=time.monotonic)
    paused_s: float = 0.0  # time spent frozen while checks ran
    paused_at: float | None = None

    def ready(self) -> bool:
        """True once the worker finished warming up and waits for its job."""
        return self.process.alive() and self.process.has(Event.READY)

    def alive(self) -> bool:
        """True while the process runs."""
        return self.process.alive()

    def warming_for(self) -> float:
        """Seconds spent warming up, not counting pauses."""
        paused = self.paused_s + (time.monotonic() - self.paused_at if self.paused_at is not None else 0.0)
        return time.monotonic() - self.started_at - paused

    def pause(self, stop: bool) -> None:
        """Freeze (or thaw) the whole sandbox so warming never competes with a running check for CPU."""
        if stop == (self.paused_at is not None):
            return
        self.process.pause(stop)
        if stop:
            self.paused_at = time.monotonic()
        else:
            self.paused_s += time.monotonic() - (self.paused_at or time.monotonic())
            self.paused_at = None

    def discard(self) -> None:
        """Kill the process and everything it started."""
        self.process.kill()


def warm_up_message(problem: Problem) -> dict:
    """What a worker may know about an exercise: the shapes and dtypes of its cases' arguments."""
    cases = [shapes_of([encode_arg(v) for v in case.args.values()]) for case in problem.cases()]
    return {"kind": Message.WARM_UP.value, "cases": cases}


class WorkerPool:
    """Keeps up to `size` workers, each warmed for an exercise learners are working on; hands each out once.

    Warming a worker for every exercise would hold the kernels of all of them (over 1 GB per
    process), so each worker warms one exercise: the ones most recently asked for with `want()`.
    """

    MAX_WANTED = 32

    def __init__(self, size: int, problems: list[Problem] | None = None) -> None:
        self.size = max(size, 0)
        self._catalogue = {p.slug: p for p in problems} if problems is not None else None
        self._wanted: list[str] = []  # most recently wanted first
        self._workers: list[Worker] = []
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._wake = threading.Event()
        self.served = 0
        self.fallbacks = 0
        self._thread = threading.Thread(target=self._maintain, name="nnx-dojo-pool", daemon=True)
        if self.size:
            self._thread.start()

    def want(self, slug: str) -> None:
        """Ask for a worker warmed for this exercise (a learner opened it or submitted to it)."""
        with self._lock:
            if slug in self._wanted:
                self._wanted.remove(slug)
            self._wanted.insert(0, slug)
            del self._wanted[self.MAX_WANTED :]
        self._wake.set()

    def _problem(self, slug: str) -> Problem | None:
        if self._catalogue is not None:
            return self._catalogue.get(slug)
        try:
            return load_problem(slug)
        except ProblemError:
            return None

    def _spawn(self, slug: str) -> Worker | None:
        problem = self._problem(slug)
        if problem is None:
            return None
        return Worker(runner.start(warm_up=warm_up_message(problem)), slug)

    def _next_to_warm(self) -> str | None:
        """The first wanted exercise without a worker; makes room by evicting unwanted ones."""
        targets = self._wanted[: self.size]
        have = {w.slug for w in self._workers}
        slug = next((s for s in targets if s not in have), None)
        if slug is None:
            return None
        if len(self._workers) >= self.size:
            spare = next((w for w in self._workers if w.slug not in targets), None)
            if spare is None:
                return None
            self._workers.remove(spare)
            spare.discard()
        return slug

    def _maintain(self) -> None:
        """Reap dead or stuck workers and start wanted ones, one warming at a time, only between checks."""
        while not self._closed.is_set():
            # Warming competes with checks for the CPU only when every check slot is taken: on two
            # CPUs one check and one warming worker each have their own.
            busy = runner.active_runs() >= config.max_concurrent_checks()
            with self._lock:
                for worker in self._workers:
                    worker.process.pump(0)  # collect its ready message, drain its console
                    worker.pause(busy and not worker.ready())  # a ready worker is never left frozen
                for worker in list(self._workers):
                    stuck = not worker.ready() and worker.warming_for() > WARM_UP_TIMEOUT_S
                    if not worker.alive() or stuck:
                        self._workers.remove(worker)
                        worker.discard()
                warming = any(not w.ready() for w in self._workers)
                slug = None if warming or busy else self._next_to_warm()
            if slug is not None:
                try:
                    worker = self._spawn(slug)
                except Exception:
                    log.exception("could not start a worker for %s", slug)
                    self._closed.wait(5)
                    continue
                with self._lock:
                    if worker is None:
                        self._wanted = [s for s in self._wanted if s != slug]
                    elif self._closed.is_set():
                        worker.discard()
                        return
                    else:
                        self._workers.append(worker)
            self._wake.wait(0.05)
            self._wake.clear()

    def acquire(self, slug: str) -> runner.LearnerProcess | None:
        """A ready process warmed for `slug`, removed from the pool (it will be replaced), or None."""
        with self._lock:
            for worker in self._workers:
                if worker.slug == slug and worker.ready():
                    self._workers.remove(worker)
                    self.served += 1
                    self._wake.set()
                    worker.pause(False)
                    return worker.process
            self.fallbacks += 1
        self.want(slug)
        return None

    def ready_count(self, slug: str | None = None) -> int:
        """How many workers are warm right now (for `slug` only, if given)."""
        with self._lock:
            return sum(w.ready() and slug in (None, w.slug) for w in self._workers)

    def wait_ready(self, count: int = 1, timeout: float = 120.0, slug: str | None = None) -> bool:
        """Block until `count` workers are warm (benchmarks and tests use this)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.ready_count(slug) >= min(count, self.size):
                return True
            time.sleep(0.05)
        return False

    def pids(self) -> list[int]:
        """Process ids of the pooled workers."""
        with self._lock:
            return [w.process.pid for w in self._workers if w.alive()]

    def workers(self) -> list[Worker]:
        """A snapshot of the pooled workers (tests and the benchmark look at them)."""
        with self._lock:
            return list(self._workers)

    def close(self) -> None:
        """Stop maintaining and kill every pooled worker."""
        self._closed.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        with self._lock:
            for worker in self._workers:
                worker.discard()
            self._workers.clear()


def start_default_pool(size: int | None = None) -> WorkerPool:
    """Start (once) the process-wide pool that `check()` uses; size from NNX_DOJO_POOL_SIZE."""
    global _default
    with _default_lock:
        if _default is None:
            folders.sweep_stale()  # what a crashed earlier server left behind
            _default = WorkerPool(config.pool_size() if size is None else size)
            atexit.register(stop_default_pool)  # also on SIGTERM: Streamlit then exits normally
        return _default


def default_pool() -> WorkerPool | None:
    """The process-wide pool, if one was started."""
    return _default


def stop_default_pool() -> None:
    """Close the process-wide pool."""
    global _default
    with _default_lock:
        if _default is not None:
            _default.close()
            _default = None


def memory_of(pids: list[int]) -> int:
    """Proportional set size in bytes of these processes (shared libraries counted once overall)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError, IndexError):
            continue
    return total
