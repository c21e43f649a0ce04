"""Distributed benchmark: the queue's own overhead per check, and 30 at once through 1 and 2 worker hosts."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from checker import expected, runner
from checker import pool as pool_module
from checker.core import check as local_check
from checker.problems import list_problems, load_problem
from checker.taskqueue import local
from checker.taskqueue.client import QueueBackend

OVERHEAD_EXERCISE = "nnx-optimizer-basics"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index] if ordered else float("nan")


class TreeMemory:
    """Samples the proportional set size of some processes and all their descendants; keeps the peak."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def now(self) -> int:
        """PSS in bytes right now."""
        tree = [pid for top in self.pids for pid in [top, *runner.descendants(top)]]
        return pool_module.memory_of(tree)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.now())
            self._stop.wait(0.1)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def overhead(backend: QueueBackend, repeat: int) -> dict[str, Any]:
    """Wall time of a check through the queue minus the time the worker's checker took for it.

    Measured one at a time, so no queueing is included: this is the cost of the queue itself
    (publish, hand-over, storing and reading the verdict), for a syntax error (no learner process)
    and for a real check.
    """
    problem = load_problem(OVERHEAD_EXERCISE)
    backend.check(problem.slug, "def broken(:\n", "submit")  # connections and the Celery app, made once per app
    rows = {}
    for name, source in (("syntax error", "def broken(:\n"), ("reference", problem.reference)):
        extra, local_s = [], []
        for _ in range(repeat):
            began = time.perf_counter()
            verdict = backend.check(problem.slug, source, "submit")
            extra.append(time.perf_counter() - began - verdict.duration_s)
            if name == "syntax error":
                began = time.perf_counter()
                local_check(problem.slug, source, "submit", pool=None)
                local_s.append(time.perf_counter() - began)
        rows[name] = {
            "overhead_p50_ms": statistics.median(extra) * 1000,
            "overhead_p95_ms": _percentile(extra, 95) * 1000,
            "local_p50_ms": statistics.median(local_s) * 1000 if local_s else None,
            "status": verdict.status.value,
        }
    return rows


def burst(check, jobs: list[tuple[Any, str, str]]) -> dict[str, Any]:
    """All `jobs` at once through `check`: completion times, right verdicts, checks per minute."""
    began = time.perf_counter()

    def submit(job: tuple[Any, str, str]) -> tuple[float, bool]:
        problem, source, want = job
        verdict = check(problem.slug, source, "submit")
        return time.perf_counter() - began, verdict.status.value == want

    with ThreadPoolExecutor(max_workers=len(jobs)) as executor:
        results = list(executor.map(submit, jobs))
    times = [seconds for seconds, _ in results]
    return {
        "submissions": len(jobs),
        "correct_verdicts": sum(ok for _, ok in results),
        "p50_s": statistics.median(times),
        "p95_s": _percentile(times, 95),
        "max_s": max(times),
        "checks_per_min": len(jobs) / max(times) * 60,
    }


def bench_distributed(count: int, pool_size: int, repeat: int, with_local: bool = True) -> dict[str, Any]:
    """Local pool, then 1 and 2 worker hosts on this machine behind a private redis-server."""
    from checker.bench import _mixed_submissions

    for problem in list_problems():
        expected.expected_outputs(problem)  # cached: never part of a check's latency
    jobs = _mixed_submissions(count)
    report: dict[str, Any] = {"cpu_count": os.cpu_count(), "pool_size": pool_size, "rows": []}
    if with_local:
        shared = pool_module.WorkerPool(pool_size)
        try:
            print(f"  local pool: {len(jobs)} at once", file=sys.stderr)
            row = burst(lambda slug, source, mode: local_check(slug, source, mode, pool=shared), jobs)
        finally:
            shared.close()
        report["rows"].append({"backend": "local pool (in the app)", "workers": 0, **row})
    env = {"NNX_DOJO_POOL_SIZE": str(pool_size)}
    with tempfile.TemporaryDirectory(prefix="nnx-dojo-bench-") as folder:
        server = local.LocalRedis(Path(folder) / "redis")
        workers = []
        try:
            backend = QueueBackend(server.url)
            for count_workers in (1, 2):
                workers.append(local.start_worker(server.url, Path(folder) / f"worker-{count_workers}.log", 2, env))
                local.wait_for_workers(server.url, workers)
                if count_workers == 1:
                    print("  queue: overhead, one at a time", file=sys.stderr)
                    report["overhead"] = overhead(backend, repeat)
                    time.sleep(5)  # let the worker's pool warm again, as between a learner's clicks
                    report["worker_idle_pss_mb"] = TreeMemory([workers[0].pid]).now() / 2**20
                print(f"  queue: {len(jobs)} at once through {count_workers} worker host(s)", file=sys.stderr)
                with TreeMemory([w.pid for w in workers]) as memory:
                    row = burst(backend.check, jobs)
                row["peak_pss_per_worker_mb"] = memory.peak / len(workers) / 2**20
                report["rows"].append({"backend": "queue", "workers": count_workers, **row})
        finally:
            for worker in workers:
                local.stop_worker(worker)
            server.stop()
    return report


def format_report(report: dict[str, Any]) -> str:
    """The distributed benchmark as Markdown tables."""
    lines = [
        "| checks run by | worker hosts | at once | correct | checks/min | p50 | p95 | max | peak PSS per worker |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in report["rows"]:
        memory = f"{row['peak_pss_per_worker_mb']:.0f} MiB" if "peak_pss_per_worker_mb" in row else "-"
        lines.append(
            f"| {row['backend']} | {row['workers'] or '-'} | {row['submissions']} | "
            f"{row['correct_verdicts']}/{row['submissions']} | {row['checks_per_min']:.0f} | {row['p50_s']:.1f} s | "
            f"{row['p95_s']:.1f} s | {row['max_s']:.1f} s | {memory} |"
        )
    lines += ["", "| one check at a time | queue overhead p50 | p95 | the same check in-process (local) |",
              "| --- | --- | --- | --- |"]  # fmt: skip
    for name, row in report.get("overhead", {}).items():
        local_ms = f"{row['local_p50_ms']:.1f} ms" if row["local_p50_ms"] is not None else "-"
        lines.append(f"| {name} | {row['overhead_p50_ms']:.1f} ms | {row['overhead_p95_ms']:.1f} ms | {local_ms} |")
    if "worker_idle_pss_mb" in report:
        lines += [
            "",
            f"Worker host at rest (pool of {report['pool_size']} warm): {report['worker_idle_pss_mb']:.0f} MiB PSS.",
        ]
    return "\n".join(lines)
