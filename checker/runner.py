"""Run source code on cases in a separate, resource-limited process and collect raw results."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from checker import cgroups, config, sandbox
from checker.problems import Case

STARTUP_TIMEOUT_S = 90.0  # importing jax on a busy 2-core host can take a while
MAX_RESULTS_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES = 16 * 1024 * 1024
# Processes and threads together: a learner process runs about 16 threads on 2 cores (XLA's pools
# grow with the core count); a tight cap makes a fork bomb fail fast instead of eating the host.
PIDS_MAX = 64 + 8 * (os.cpu_count() or 2)
POLL_S = 0.01


@dataclass
class RawRun:
    """What came back from one run: per-case records plus how the process ended."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    syntax_error: dict[str, Any] | None = None
    finished: bool = False  # the child reported that every case ran
    ended: str = "completed"  # completed | time_limit | memory_limit | output_limit | crashed
    detail: str = ""


def child_env(home: str, xla_cache: Path) -> dict[str, str]:
    """A minimal environment: nothing of the app's own variables reaches learner code."""
    return {
        "JAX_COMPILATION_CACHE_DIR": str(xla_cache),
        "JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS": "0",
        "JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES": "0",
        # The default adds the cache path to every key, so a private copy would never hit.
        "JAX_PERSISTENT_CACHE_ENABLE_XLA_CACHES": "none",
        "PATH": "/usr/bin:/bin",
        "HOME": home,
        "PYTHONPATH": str(config.PROJECT_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "JAX_PLATFORMS": "cpu",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "LANG": "C.UTF-8",
    }


def write_job(workdir: Path, source: str, entry: str, cases: list[Case]) -> dict[str, Any]:
    """Write the submission and the case inputs into `workdir`; return the job description."""
    (workdir / "solution.py").write_text(source, encoding="utf-8")
    arrays: dict[str, np.ndarray] = {}
    job_cases = []
    for index, case in enumerate(cases):
        args = []
        for name, value in case.args.items():
            if isinstance(value, np.ndarray):
                key = f"case{index}_{name}"
                arrays[key] = value
                args.append({"array": key})
            else:
                args.append(float(value))
        job_cases.append({"name": case.name, "args": args})
    np.savez(workdir / "inputs.npz", **arrays)
    return {
        "source": "solution.py",
        "inputs": "inputs.npz",
        "results": "results.jsonl",
        "entry": entry,
        "cases": job_cases,
        "stdout_cap": config.stdout_cap(),
        "stdout_hard_cap": config.stdout_hard_cap(),
    }


def private_xla_cache(workdir: Path) -> Path:
    """A private copy of the shared compilation cache, so learner code can never poison it."""
    target = workdir / "xla-cache"
    try:
        shutil.copytree(config.xla_cache_dir(), target)
    except OSError:
        target.mkdir(exist_ok=True)
    return target


def start_child(workdir: Path, trusted: bool = False) -> subprocess.Popen:
    """Start a process that imports jax, then waits for a job on stdin.

    Learner processes run in the strongest sandbox the host allows and get a private copy of the
    compilation cache; trusted (reference) runs write the shared cache and are not sandboxed.
    """
    limits = ["--memory-mb", str(config.memory_limit_mb()), "--file-bytes", str(MAX_FILE_BYTES)]
    python = [sys.executable, "-s", "-m", "checker.child", *limits]
    if trusted:
        xla_cache = config.xla_cache_dir()
        xla_cache.mkdir(parents=True, exist_ok=True)
        command, env = python, child_env(str(workdir), xla_cache)
    elif sandbox.isolation().level == "bubblewrap":
        private_xla_cache(workdir)
        inner = Path(sandbox.INNER_WORKDIR)
        inner_env = child_env(str(inner), inner / "xla-cache")
        inner_env["PYTHONPATH"] = sandbox.INNER_CODE
        command, env = sandbox.bwrap_command(workdir, inner_env) + python, {}
    else:
        command, env = python, child_env(str(workdir), private_xla_cache(workdir))
    group = None if trusted else cgroups.create(PIDS_MAX, (config.memory_limit_mb() + 512) * 1024 * 1024)
    if group is not None:
        # The shell joins the group before exec, so every process of the run is inside from the start.
        joins = "; ".join(f'echo $$ > "{d / "cgroup.procs"}"' for d in group.directories)
        command = ["/bin/sh", "-c", f'{joins}; exec "$@"', "sh", *command]
    with open(workdir / "stdout.txt", "wb") as stdout, open(workdir / "stderr.txt", "wb") as stderr:
        process = subprocess.Popen(
            command,
            cwd=workdir,
            env=env,
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,  # no preexec_fn: forking a process that runs JAX threads is unsafe
            close_fds=True,
        )
    process.run_group = group  # type: ignore[attr-defined]
    return process


def kill_tree(process: subprocess.Popen) -> None:
    """Kill the child's process group and its cgroup (reaching even processes that left the group), reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()
    group = getattr(process, "run_group", None)
    if group is not None:
        group.kill_and_remove()


_slots: threading.BoundedSemaphore | None = None
_slots_lock = threading.Lock()
_active = 0


def active_runs() -> int:
    """How many runs are in progress in this process (the pool warms new workers only when idle)."""
    return _active


def _run_slots() -> threading.BoundedSemaphore:
    """Limits how many learner processes run at once; the rest wait their turn."""
    global _slots
    with _slots_lock:
        if _slots is None:
            _slots = threading.BoundedSemaphore(config.max_concurrent_checks())
        return _slots


def run_source(
    source: str,
    entry: str,
    cases: list[Case],
    time_limit_s: float,
    trusted: bool = False,
    pool: Any = None,
    slug: str = "",
) -> RawRun:
    """Run `source` on `cases` in a separate process and return the raw results.

    With a `pool` (a `checker.pool.WorkerPool`), a worker warmed for exercise `slug` is used when ready;
    otherwise a fresh process is started. Either way the process serves this run only.
    """
    global _active
    with _run_slots():
        with _slots_lock:
            _active += 1
        worker = pool.acquire(slug) if pool is not None and not trusted else None
        workdir = worker.workdir if worker else Path(tempfile.mkdtemp(prefix="nnx-dojo-run-"))
        process = None
        try:
            job = write_job(workdir, source, entry, cases)
            process = worker.process if worker else start_child(workdir, trusted)
            return supervise(process, workdir, job, time_limit_s * config.time_limit_scale())
        finally:
            with _slots_lock:
                _active -= 1
            # The results are read; killing and deleting can happen off the learner's waiting time.
            threading.Thread(target=_clean_up, args=(process, workdir), daemon=True).start()


def _clean_up(process: subprocess.Popen | None, workdir: Path) -> None:
    if process is not None:
        kill_tree(process)
    shutil.rmtree(workdir, ignore_errors=True)


def supervise(process: subprocess.Popen, workdir: Path, job: dict[str, Any], time_limit_s: float) -> RawRun:
    """Hand `job` to a started child, enforce the wall-clock limit and read its results."""
    began = time.monotonic()
    results_path = workdir / job["results"]
    try:
        process.stdin.write((json.dumps(job) + "\n").encode())
        process.stdin.close()
    except (BrokenPipeError, OSError):
        pass
    deadline = began + STARTUP_TIMEOUT_S + time_limit_s
    started_at: float | None = None
    timed_out = False
    while process.poll() is None:
        now = time.monotonic()
        if started_at is None and _has_started(results_path):
            started_at = now
            deadline = now + time_limit_s
        elif started_at is not None and _has_finished(results_path):
            break  # threads the learner left running must not hold the verdict back
        if now > deadline:
            timed_out = True
            break
        time.sleep(POLL_S)
    group = getattr(process, "run_group", None)
    oom_killed = group is not None and group.oom_killed()
    if timed_out or not _has_finished(results_path):
        kill_tree(process)  # nothing more may be written before the results are read
    run = read_results(results_path)
    if timed_out:
        run.ended = "time_limit"
        run.detail = f"the time limit of {time_limit_s:g} s was reached"
        if started_at is None:
            run.detail = f"the checker could not start within {STARTUP_TIMEOUT_S:g} s"
    elif not run.finished and run.syntax_error is None:
        run.ended, run.detail = classify_exit(process.returncode, _tail(workdir / "stderr.txt"))
        if oom_killed:
            run.ended, run.detail = "memory_limit", "the process was killed after using more memory than allowed"
    return run


def _has_started(results_path: Path) -> bool:
    try:
        return results_path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _has_finished(results_path: Path) -> bool:
    try:
        with open(results_path, "rb") as handle:
            handle.seek(max(results_path.stat().st_size - 64, 0))
            return handle.read().rstrip().endswith(b'{"event": "done"}')
    except OSError:
        return False


def _tail(path: Path, limit: int = 4_000) -> str:
    try:
        with open(path, "rb") as handle:
            handle.seek(max(path.stat().st_size - limit, 0))
            return handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def classify_exit(returncode: int | None, stderr: str) -> tuple[str, str]:
    """Name the way a process ended early, from its exit code and the end of its stderr."""
    memory_markers = ("bad_alloc", "Unable to allocate", "RESOURCE_EXHAUSTED", "MemoryError", "Out of memory")
    if returncode is not None and returncode < 0:
        signum = -returncode
        name = signal.Signals(signum).name if signum in signal.Signals._value2member_map_ else str(signum)
        if signum == signal.SIGXFSZ:
            return "output_limit", f"wrote more than {MAX_FILE_BYTES // (1024 * 1024)} MiB of output"
        if signum == signal.SIGKILL or any(m in stderr for m in memory_markers):
            return "memory_limit", f"the process was killed ({name}) after running out of memory"
        return "crashed", f"the process crashed with signal {name}"
    if any(m in stderr for m in memory_markers):
        return "memory_limit", "the process ran out of memory"
    return "crashed", f"your code ended the process (exit code {returncode}) before every case had run"


def read_results(path: Path) -> RawRun:
    """Parse the child's JSON lines; anything malformed or oversized is ignored, not trusted."""
    run = RawRun()
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_RESULTS_BYTES)
    except OSError:
        data = b""
    for raw_line in data.splitlines():
        try:
            record = json.loads(raw_line)
        except (ValueError, UnicodeDecodeError, RecursionError):
            continue
        if not isinstance(record, dict):
            continue
        event = record.get("event")
        if event == "case" and isinstance(record.get("name"), str) and record["name"] not in run.records:
            run.records[record["name"]] = record
        elif event == "syntax_error" and isinstance(record.get("error"), dict):
            run.syntax_error = record["error"]
        elif event == "done":
            run.finished = True
    return run
