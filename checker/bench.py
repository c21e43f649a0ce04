"""Benchmark: naive (fresh process) against warm pool, cold start, 30 at once, overhead, soak.

    python -m checker.bench [--repeat 10] [--json] [--soak N]
    python -m checker.bench --distributed   # local pool against 1 and 2 queue worker hosts

Every figure comes from one run on one machine; compare the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from checker import expected, runner
from checker import pool as pool_module
from checker.core import check
from checker.problems import Problem, list_problems, load_problem

SEED_EXERCISES = ("nnx-optimizer-basics", "nnx-train-step", "nnx-train-batchnorm", "nnx-multimetric")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _time_check(problem: Problem, source: str, pool: Any) -> tuple[float, str]:
    began = time.perf_counter()
    verdict = check(problem.slug, source, "submit", pool=pool)
    return time.perf_counter() - began, verdict.status.value


def _in_process_seconds(problem: Problem) -> float:
    """The reference's run time on all cases in an already-warm process (second of two runs)."""
    import jax
    import jax.numpy as jnp

    namespace: dict[str, Any] = {}
    exec(compile(problem.reference, "reference.py", "exec"), namespace)
    function = namespace[problem.entry]
    seconds = 0.0
    for _ in range(2):
        began = time.perf_counter()
        for case in problem.cases():
            args = [jnp.asarray(v) if hasattr(v, "shape") else v for v in case.args.values()]
            jax.block_until_ready(function(*args))
        seconds = time.perf_counter() - began
    return seconds


class MemorySampler:
    """Samples the resident memory of this process's children every 50 ms; keeps the peak."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, pool_module.memory_of(runner.descendants(os.getpid())))
            self._stop.wait(0.05)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def bench_latency(repeat: int, pool_size: int) -> list[dict[str, Any]]:
    """Per seed exercise: naive and pool latency of submitting the reference, and their ratio."""
    rows = []
    warm = pool_module.WorkerPool(pool_size)
    try:
        for slug in SEED_EXERCISES:
            problem = load_problem(slug)
            expected.expected_outputs(problem)  # cached once; never part of a submission's latency
            naive = [_time_check(problem, problem.reference, None)[0] for _ in range(repeat)]
            pooled = []
            warm.want(slug)  # the learner opened the exercise
            for _ in range(repeat):
                warm.wait_ready(1, timeout=300, slug=slug)  # a learner clicking on an idle server
                seconds, status = _time_check(problem, problem.reference, warm)
                assert status == "accepted", f"{slug}: {status}"
                pooled.append(seconds)
            in_process = _in_process_seconds(problem)
            rows.append(
                {
                    "exercise": slug,
                    "naive_p50_s": statistics.median(naive),
                    "naive_p95_s": _percentile(naive, 95),
                    "pool_p50_s": statistics.median(pooled),
                    "pool_p95_s": _percentile(pooled, 95),
                    "speedup_p50": statistics.median(naive) / statistics.median(pooled),
                    "in_process_s": in_process,
                    "overhead_p50_s": statistics.median(pooled) - in_process,
                    "runs": repeat,
                }
            )
            print(f"  {slug}: naive {rows[-1]['naive_p50_s']:.2f} s, pool {rows[-1]['pool_p50_s']:.2f} s",
                  file=sys.stderr)  # fmt: skip
    finally:
        warm.close()
    return rows


def bench_cold(pool_size: int) -> dict[str, Any]:
    """First check right after start: empty pool, reference outputs read from the disk cache."""
    expected.clear_memory_cache()
    problem = load_problem("nnx-train-step")
    began = time.perf_counter()
    fresh = pool_module.WorkerPool(pool_size)
    fresh.want(problem.slug)
    try:
        seconds, status = _time_check(problem, problem.reference, fresh)
    finally:
        fresh.close()
    return {"exercise": problem.slug, "first_check_s": time.perf_counter() - began, "check_s": seconds,
            "status": status}  # fmt: skip


BOOT_SCRIPT = """
import sys, time
began = time.monotonic()
import streamlit  # what a server imports before it answers
from checker import pool, service
from checker.problems import load_problem
answered = time.monotonic() - began
problem = load_problem(sys.argv[1])
service.start()
service.prepare(problem.slug)  # the visitor opens the exercise as soon as the server answers
workers = pool.default_pool()
ready = []
def watch():
    while workers is not None and not ready and time.monotonic() - began < 300:
        if workers.ready_count(problem.slug) or workers.served:
            ready.append(time.monotonic() - began)
        time.sleep(0.02)
import threading
watcher = threading.Thread(target=watch)
watcher.start()
time.sleep(max(0.0, answered + 5 - (time.monotonic() - began)))
check_began = time.monotonic()
verdict = service.check(problem.slug, problem.reference, "submit")
check_s = time.monotonic() - check_began
watcher.join()
print(answered, check_s, ready[0] if ready else -1, verdict.status.value)
"""


def bench_boot(slug: str = "nnx-train-step") -> dict[str, Any]:
    """Boots on an empty disk (no cached references, no compilation cache: a hosted restart), then on a kept one.

    A fresh interpreter imports the server, starts the checker and opens one exercise; 5 s after
    that a check of it is sent. Figures: when the server could answer, how long that first check
    took, and when a worker warmed for the exercise was ready (all from the interpreter's start).
    """
    import subprocess
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory(prefix="nnx-dojo-boot-") as cache:
        env = {**os.environ, "NNX_DOJO_CACHE_DIR": cache}
        for disk in ("empty", "kept"):  # a hosted restart, then a restart that kept its cache folder
            out = subprocess.run([sys.executable, "-c", BOOT_SCRIPT, slug], env=env, capture_output=True,
                                 text=True, timeout=600, check=True)  # fmt: skip
            answered, check_s, ready, status = out.stdout.split()[-4:]
            rows.append({"disk": disk, "exercise": slug, "answered_s": float(answered), "status": status,
                         "first_check_s": float(check_s), "worker_ready_s": float(ready)})  # fmt: skip
    return {"rows": rows}


MEMORY_EXERCISES = ("nnx-linen-bridge", "nnx-causal-attention", "nnx-train-batchnorm", "nnx-scan-layers",
                    "nnx-optimizer-basics")  # fmt: skip


def _resident_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            line = next(line for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0.0
    return int(line.split()[1]) / 1024


def bench_memory() -> dict[str, Any]:
    """The sizing chosen for this container, and the peak memory of one check of each heavy exercise.

    Each check runs alone in a fresh learner process (references cached first), so its peak is
    that process's own; the host's resident memory is measured after all of them.
    """
    from checker import config, container

    sizing = container.sizing()
    rows = []
    for slug in MEMORY_EXERCISES:
        problem = load_problem(slug)
        expected.expected_outputs(problem)
        with MemorySampler() as sampler:
            seconds, status = _time_check(problem, problem.reference, None)
        rows.append({"exercise": slug, "peak_mb": sampler.peak / (1024 * 1024), "seconds": seconds, "status": status})
    found = sizing.resources
    return {"cpus": found.cpus, "memory_mb": found.memory_mb, "source": found.source,
            "concurrency": config.max_concurrent_checks(), "pool_size": config.pool_size(),
            "learner_limit_mb": config.memory_limit_mb(), "host_mb": _resident_mb(os.getpid()),
            "checks": rows}  # fmt: skip


def _mixed_submissions(count: int) -> list[tuple[Problem, str, str]]:
    jobs = []
    problems = list_problems()
    for index in range(count):
        problem = problems[index % len(problems)]
        wrong = problem.wrong_solutions()
        if index % 2 == 0 or not wrong:
            jobs.append((problem, problem.reference, "accepted"))
        else:
            path = wrong[(index // 2) % len(wrong)]
            from checker.validate import declared_status

            jobs.append((problem, path.read_text(encoding="utf-8"), declared_status(path)))
    return jobs


def bench_concurrent(count: int, pool_size: int) -> dict[str, Any]:
    """`count` mixed submissions at once: every verdict right, completion times, peak memory."""
    for problem in list_problems():
        expected.expected_outputs(problem)
    jobs = _mixed_submissions(count)
    shared = pool_module.WorkerPool(pool_size)
    for problem, _, _ in jobs[:pool_size]:
        shared.want(problem.slug)
    shared.wait_ready(pool_size, timeout=600)
    began = time.perf_counter()

    def submit(job: tuple[Problem, str, str]) -> tuple[float, bool]:
        problem, source, want = job
        verdict = check(problem.slug, source, "submit", pool=shared)
        return time.perf_counter() - began, verdict.status.value == want

    try:
        with MemorySampler() as memory, ThreadPoolExecutor(max_workers=count) as executor:
            results = list(executor.map(submit, jobs))
    finally:
        shared.close()
    times = [t for t, _ in results]
    return {
        "submissions": count,
        "correct_verdicts": sum(ok for _, ok in results),
        "p50_s": statistics.median(times),
        "p95_s": _percentile(times, 95),
        "max_s": max(times),
        "peak_memory_mb": memory.peak / 2**20,
        "pool_size": pool_size,
    }


def soak(count: int, pool_size: int, parallel: int = 2) -> dict[str, Any]:
    """`count` mixed submissions, `parallel` at a time, through one pool, with a timeout every 50th."""
    os.environ.setdefault("NNX_DOJO_TIME_SCALE", "0.5")  # 15 s limits: timeouts come quicker, real runs fit
    for problem in list_problems():
        expected.expected_outputs(problem)
    shared = pool_module.WorkerPool(pool_size)
    jobs = _mixed_submissions(count)
    loop = "def f(*args):\n    while True:\n        pass\n"
    for index, (problem, _, _) in enumerate(jobs):
        if index % 50 == 49:
            jobs[index] = (problem, loop.replace("def f", f"def {problem.entry}"), "time_limit")
    done = []

    def submit(job: tuple[Problem, str, str]) -> tuple[bool, str, float]:
        problem, source, want = job
        began = time.perf_counter()
        verdict = check(problem.slug, source, "submit", pool=shared)
        done.append(1)
        if len(done) % 100 == 0:
            print(f"  soak: {len(done)}/{count}", file=sys.stderr)
        return verdict.status.value == want, verdict.status.value, time.perf_counter() - began

    began = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=parallel) as executor:
            results = list(executor.map(submit, jobs))
        served = shared.served
    finally:
        shared.close()
    leftover = runner.descendants(os.getpid())
    return {
        "submissions": count,
        "wrong_verdicts": sum(not ok for ok, _, _ in results),
        "timeouts_recovered": sum(status == "time_limit" for _, status, _ in results),
        "served_warm": served,
        "slowest_s": max(seconds for _, _, seconds in results),
        "leftover_processes": len(leftover),
        "seconds": time.perf_counter() - began,
    }


def format_tables(report: dict[str, Any]) -> str:
    """The benchmark as Markdown tables."""
    lines: list[str] = []
    if "latency" in report:
        lines += [
            "| exercise | naive p50 | naive p95 | pool p50 | pool p95 | speed-up (p50) | warm in-process | overhead |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
    for row in report.get("latency", []):
        lines.append(
            f"| {row['exercise']} | {row['naive_p50_s']:.2f} s | {row['naive_p95_s']:.2f} s | "
            f"{row['pool_p50_s']:.2f} s | {row['pool_p95_s']:.2f} s | {row['speedup_p50']:.1f}x | "
            f"{row['in_process_s']:.2f} s | {row['overhead_p50_s'] * 1000:.0f} ms |"
        )
    if "cold" in report:
        cold = report["cold"]
        lines += [
            "",
            f"Cold start: first check {cold['first_check_s']:.2f} s after the app started ({cold['status']}).",
        ]
    if "memory" in report:
        mem = report["memory"]
        lines += [
            "",
            f"Container ({mem['source']}): {mem['cpus']:g} CPUs, {mem['memory_mb']} MiB. Sizing: "
            f"{mem['concurrency']} check(s) at once, {mem['pool_size']} warm worker(s), "
            f"{mem['learner_limit_mb']} MiB data limit per learner process; the checker's host process: "
            f"{mem['host_mb']:.0f} MiB resident.",
            "",
            "| exercise | peak of its learner process (PSS) | check time | verdict |",
            "| --- | --- | --- | --- |",
        ]
        for row in mem["checks"]:
            lines.append(f"| {row['exercise']} | {row['peak_mb']:.0f} MiB | {row['seconds']:.1f} s | {row['status']} |")
    if "boot" in report:
        lines += [
            "",
            "| boot | exercise | server answers | first check (sent 5 s later) | warm worker ready |",
            "| --- | --- | --- | --- | --- |",
        ]
        for boot in report["boot"]["rows"]:
            lines.append(
                f"| {boot['disk']} cache | {boot['exercise']} | {boot['answered_s']:.1f} s | "
                f"{boot['first_check_s']:.2f} s ({boot['status']}) | {boot['worker_ready_s']:.1f} s after boot |"
            )
    if "concurrent" in report:
        conc = report["concurrent"]
        lines += [
            "",
            "| at once | correct verdicts | p50 | p95 | max | peak checker memory (PSS) | pool size |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            f"| {conc['submissions']} | {conc['correct_verdicts']}/{conc['submissions']} | {conc['p50_s']:.1f} s | "
            f"{conc['p95_s']:.1f} s | {conc['max_s']:.1f} s | {conc['peak_memory_mb']:.0f} MiB | {conc['pool_size']} |",
        ]
    if "soak" in report:
        soak_row = report["soak"]
        lines += ["", f"Soak: {soak_row['submissions']} submissions, {soak_row['wrong_verdicts']} wrong verdicts, "
                  f"{soak_row['timeouts_recovered']} timeouts recovered, {soak_row['served_warm']} served warm, "
                  f"slowest {soak_row['slowest_s']:.1f} s, {soak_row['leftover_processes']} processes left, "
                  f"{soak_row['seconds']:.0f} s in all."]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the tables (or JSON)."""
    parser = argparse.ArgumentParser(prog="python -m checker.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="submissions per exercise and path")
    parser.add_argument("--concurrent", type=int, default=30, help="submissions sent at once")
    parser.add_argument("--pool-size", type=int, default=None, help="default: NNX_DOJO_POOL_SIZE or 2")
    parser.add_argument("--soak", type=int, default=0, help="also run this many submissions, two at a time")
    parser.add_argument("--only-soak", action="store_true", help="run the soak alone")
    parser.add_argument("--json", action="store_true", help="print machine-readable figures")
    parser.add_argument("--only-boot", action="store_true", help="run the cold-boot figure alone")
    parser.add_argument("--only-memory", action="store_true", help="report the sizing and each check's peak memory")
    queue_help = "through a private redis-server and 1, then 2 worker hosts (needs requirements-queue.txt)"
    parser.add_argument("--distributed", action="store_true", help=queue_help)
    args = parser.parse_args(argv)
    from checker import config

    size = args.pool_size if args.pool_size is not None else max(config.pool_size(), 1)
    report: dict[str, Any] = {"cpu_count": os.cpu_count(), "pool_size": size}
    if args.distributed:
        from checker.taskqueue.bench import bench_distributed, format_report

        report = bench_distributed(args.concurrent, size, args.repeat)
        print(json.dumps(report, indent=2) if args.json else format_report(report))
        return 0
    if args.only_soak:
        report["soak"] = soak(args.soak or 1000, size)
        print(json.dumps(report, indent=2) if args.json else format_tables(report).split("\n\n")[-1])
        return 0
    if args.only_memory:
        report["memory"] = bench_memory()
        print(json.dumps(report, indent=2) if args.json else format_tables(report))
        return 0
    if args.only_boot:
        report["boot"] = bench_boot()
        print(json.dumps(report, indent=2) if args.json else format_tables(report))
        return 0
    report["latency"] = bench_latency(args.repeat, size)
    report["cold"] = bench_cold(size)
    report["boot"] = bench_boot()
    report["concurrent"] = bench_concurrent(args.concurrent, size)
    if args.soak:
        report["soak"] = soak(args.soak, size)
    print(json.dumps(report, indent=2) if args.json else format_tables(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
