"""Start learner processes and supervise them over pipes the host created, with caps and deadlines.

Nothing the learner's process can create or replace is opened by the host: the job goes in on
stdin, records come back on a results pipe, and the process's own stdout and stderr share a
third pipe. Every read is non-blocking and size-capped, and every wait has a deadline, so a
check always answers within its time limit plus a few seconds, whatever the learner does.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import cgroups, config, folders, sandbox
from checker.problems import Case
from checker.protocol import MAX_LINE_BYTES, Event, Message, encode_arg, encode_line

STARTUP_TIMEOUT_S = 90.0  # importing jax on a busy 2-core host can take a while
EXIT_DRAIN_S = 1.0  # after the process exits, how long its pipes may still deliver data
MAX_RESULTS_BYTES = 16 * 1024 * 1024
MAX_CONSOLE_BYTES = 16 * 1024 * 1024  # the process's own stdout and stderr (prints are captured inside)
CONSOLE_TAIL_BYTES = 4_000
MAX_FILE_BYTES = 16 * 1024 * 1024
DISK_CHECK_S = 0.25
# Processes and threads together: a learner process runs about 16 threads on 2 cores (XLA's pools
# grow with the core count); a tight cap makes a fork bomb fail fast instead of eating the host.
PIDS_MAX = 64 + 8 * (os.cpu_count() or 2)
POLL_S = 0.02
READ_CHUNK = 65_536


class Ended:
    """How a run ended, when it did not end by reporting every case."""

    COMPLETED = "completed"
    TIME_LIMIT = "time_limit"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    CRASHED = "crashed"


@dataclass
class RawRun:
    """What came back from one run: per-case records plus how the process ended."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    syntax_error: dict[str, Any] | None = None
    finished: bool = False  # the child reported that every case ran
    ended: str = Ended.COMPLETED
    detail: str = ""


def child_env(home: str, xla_cache: str | None) -> dict[str, str]:
    """A minimal environment: nothing of the app's own variables reaches learner code."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": home,
        "PYTHONPATH": str(config.PROJECT_ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "JAX_PLATFORMS": "cpu",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "LANG": "C.UTF-8",
    }
    if xla_cache is not None:
        env |= {
            "JAX_COMPILATION_CACHE_DIR": xla_cache,
            "JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS": "0",
            "JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES": "0",
            # The default adds the cache path to every key, so a cache mounted elsewhere would never hit.
            "JAX_PERSISTENT_CACHE_ENABLE_XLA_CACHES": "none",
        }
    return env


def make_job(source: str, entry: str, cases: list[Case]) -> dict[str, Any]:
    """The job message: the source, the entry function and every case's encoded arguments."""
    return {
        "kind": Message.JOB.value,
        "source": source,
        "entry": entry,
        "cases": [{"name": c.name, "args": [encode_arg(v) for v in c.args.values()]} for c in cases],
        "stdout_cap": config.stdout_cap(),
        "stdout_hard_cap": config.stdout_hard_cap(),
    }


class RecordReader:
    """Splits the results pipe's bytes into records; malformed or overlong lines are dropped unread."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.events: set[str] = set()
        self._partial = b""
        self._skipping = False  # inside an overlong line, dropping bytes until its newline

    def feed(self, data: bytes) -> None:
        """Take the next bytes from the pipe."""
        *complete, rest = (self._partial + data).split(b"\n")
        for line in complete:
            if self._skipping:
                self._skipping = False  # the overlong line ends here
                continue
            self._take(line)
        self._partial = rest
        if len(self._partial) > MAX_LINE_BYTES:
            self._partial, self._skipping = b"", True

    def _take(self, line: bytes) -> None:
        if len(line) > MAX_LINE_BYTES:
            return
        try:
            record = json.loads(line)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return
        if isinstance(record, dict) and record.get("event") in Event._value2member_map_:
            self.events.add(record["event"])
            if record["event"] in (Event.CASE, Event.SYNTAX_ERROR):
                self.records.append(record)


class LearnerProcess:
    """A started child process and the host's ends of its pipes; every read is capped and non-blocking."""

    def __init__(self, process: subprocess.Popen, results_fd: int, console_fd: int, folder: Path | None,
                 group: cgroups.RunGroup | None) -> None:  # fmt: skip
        self.process = process
        self.folder = folder  # a host folder the learner may write (no sandbox); None inside bubblewrap
        self.group = group
        self.reader = RecordReader()
        self.overflow = ""  # why the run must stop: too much output on a pipe
        self._results_fd, self._console_fd = results_fd, console_fd
        self._results_bytes = 0
        self._console_bytes = 0
        self._console_tail = b""
        self._outbox = b""
        self._paused = False
        self._killed = False
        os.set_blocking(process.stdin.fileno(), False)

    @property
    def pid(self) -> int:
        """The process id of the outermost process (the sandbox or the interpreter)."""
        return self.process.pid

    def send(self, message: dict[str, Any]) -> None:
        """Queue one message for the child's stdin; `pump` writes it as the pipe accepts it."""
        self._outbox += encode_line(message)
        self._write()

    def alive(self) -> bool:
        """True while the outermost process runs."""
        return self.process.poll() is None

    def has(self, event: Event) -> bool:
        """Whether the child reported `event`."""
        return event.value in self.reader.events

    def console_tail(self) -> str:
        """The end of what the process itself wrote to stdout and stderr."""
        return self._console_tail.decode("utf-8", errors="replace")

    def pump(self, timeout: float) -> None:
        """Read what the pipes hold (waiting at most `timeout`) and write what stdin accepts."""
        readers = [fd for fd in (self._results_fd, self._console_fd) if fd >= 0]
        writers = [self.process.stdin] if self._outbox and not self.process.stdin.closed else []
        if not readers and not writers:
            time.sleep(timeout)
            return
        try:
            readable, writable, _ = select.select(readers, writers, [], timeout)
        except (OSError, ValueError):
            return
        if writable:
            self._write()
        for fd in readable:
            self._read(fd)

    def drain(self, seconds: float) -> None:
        """Keep reading until both pipes are closed or `seconds` passed (data written just before exit)."""
        deadline = time.monotonic() + seconds
        while (self._results_fd >= 0 or self._console_fd >= 0) and time.monotonic() < deadline and not self.overflow:
            self.pump(min(POLL_S, max(deadline - time.monotonic(), 0)))

    def _write(self) -> None:
        try:
            written = os.write(self.process.stdin.fileno(), self._outbox[:READ_CHUNK])
            self._outbox = self._outbox[written:]
            if not self._outbox:
                self.process.stdin.flush()
        except BlockingIOError:
            pass
        except (BrokenPipeError, OSError, ValueError):
            self._outbox = b""

    def _read(self, fd: int) -> None:
        try:
            data = os.read(fd, READ_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._close(fd)
            return
        if fd == self._console_fd:
            self._console_bytes += len(data)
            self._console_tail = (self._console_tail + data)[-CONSOLE_TAIL_BYTES:]
            if self._console_bytes > MAX_CONSOLE_BYTES:
                self.overflow = f"wrote more than {MAX_CONSOLE_BYTES // (1024 * 1024)} MiB to the console"
            return
        self._results_bytes += len(data)
        if self._results_bytes > MAX_RESULTS_BYTES:
            self.overflow = f"sent more than {MAX_RESULTS_BYTES // (1024 * 1024)} MiB of results"
            return
        self.reader.feed(data)

    def _close(self, fd: int) -> None:
        with contextlib.suppress(OSError):
            os.close(fd)
        if fd == self._results_fd:
            self._results_fd = -1
        else:
            self._console_fd = -1

    def pause(self, stop: bool) -> None:
        """Freeze (or thaw) the whole sandbox: every process of the run, however it was started."""
        if stop == self._paused or self._killed:
            return
        if self.group is None or not self.group.freeze(stop):
            for pid in [self.process.pid, *descendants(self.process.pid)]:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGSTOP if stop else signal.SIGCONT)
        self._paused = stop

    def kill(self) -> None:
        """Kill every process of the run, close the pipes and delete the host folder, if any."""
        if self._killed:
            return
        self._killed = True
        everyone = descendants(self.process.pid)
        if self.group is not None:
            self.group.freeze(False)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        for pid in [self.process.pid, *everyone]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait()
        if self.group is not None:
            self.group.kill_and_remove()
        for fd in (self._results_fd, self._console_fd):
            if fd >= 0:
                self._close(fd)
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        if self.folder is not None:
            folders.remove_tree(self.folder)


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, from the kernel's children lists (no process group needed)."""
    found: list[int] = []
    pending = [pid]
    while pending and len(found) < 4096:
        parent = pending.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children", encoding="ascii") as handle:
                    children = [int(p) for p in handle.read().split()]
            except (OSError, ValueError):
                continue
            found.extend(children)
            pending.extend(children)
    return found


def start(trusted: bool = False, warm_up: dict[str, Any] | None = None, batch: bool = False) -> LearnerProcess:
    """Start a process that imports jax, then (after an optional warm-up) waits for one job on stdin.

    Learner processes run in the strongest sandbox the host allows; trusted (reference) runs are
    not sandboxed and are the only ones that write the shared compilation cache.
    """
    results_r, results_w = os.pipe()
    console_r, console_w = os.pipe()
    limits = ["--memory-mb", str(config.memory_limit_mb()), "--file-bytes", str(MAX_FILE_BYTES)]
    python = [sys.executable, "-s", "-m", "checker.inside.child", *limits, "--results-fd", str(results_w)]
    if batch:
        assert trusted, "only trusted code may share a process between submissions"
        python.append("--batch")
    folder = None
    if trusted:
        folder = folders.new_run_folder("reference")
        config.xla_cache_dir().mkdir(parents=True, exist_ok=True)
        command, env = python, child_env(str(folder), str(config.xla_cache_dir()))
    elif (level := sandbox.isolation().level) == "bubblewrap":
        xla = sandbox.INNER_XLA_CACHE if config.xla_cache_dir().is_dir() else None
        inner_env = child_env(sandbox.INNER_WORKDIR, xla) | {"PYTHONPATH": sandbox.INNER_CODE}
        command, env = sandbox.bwrap_command(inner_env, config.disk_limit_bytes()) + python, {}
    elif level == "landlock":  # a host folder; the child confines itself to it before anything else
        folder = folders.new_run_folder("run")
        xla = str(config.xla_cache_dir()) if config.xla_cache_dir().is_dir() else None
        env = child_env(str(folder), xla) | {"PYTHONPATH": str(sandbox.child_code_dir()), "TMPDIR": str(folder)}
        command = [*python, "--confine", json.dumps(sandbox.landlock_rules(folder))]
    else:  # no sandbox: a host folder, and no shared compilation cache the learner could poison
        sandbox.ensure_allowed()
        folder = folders.new_run_folder("run")
        command, env = python, child_env(str(folder), None)
    group = None if trusted else cgroups.create(PIDS_MAX, (config.memory_limit_mb() + 512) * 1024 * 1024)
    if group is not None:
        # The shell joins the group before exec, so every process of the run is inside from the start.
        joins = "; ".join(f'echo $$ > "{d / "cgroup.procs"}"' for d in group.directories)
        command = ["/bin/sh", "-c", f'{joins}; exec "$@"', "sh", *command]
    try:
        process = subprocess.Popen(
            command,
            cwd=folder or "/",
            env=env,
            stdin=subprocess.PIPE,
            stdout=console_w,
            stderr=console_w,
            pass_fds=(results_w,),
            start_new_session=True,  # no preexec_fn: forking a process that runs JAX threads is unsafe
        )
    except BaseException:
        for fd in (results_r, console_r):
            os.close(fd)
        if group is not None:
            group.kill_and_remove()
        if folder is not None:
            folders.remove_tree(folder)
        raise
    finally:
        os.close(results_w)
        os.close(console_w)
    for fd in (results_r, console_r):
        os.set_blocking(fd, False)
    learner = LearnerProcess(process, results_r, console_r, folder, group)
    if warm_up is not None:
        learner.send(warm_up)
    return learner


_slots_lock = threading.Lock()
_active = 0


def active_runs() -> int:
    """How many runs are in progress in this process (the pool warms new workers only when idle)."""
    return _active


_semaphores: dict[str, threading.BoundedSemaphore] = {}


def _slots_for(kind: str) -> threading.BoundedSemaphore:
    """How many runs of a kind ('learner' or 'reference') go at once: as many as check slots.

    Learner runs beyond that wait their turn; reference runs have slots of their own (the
    container's sizing budgets one reference run per check slot).
    """
    with _slots_lock:
        if kind not in _semaphores:
            _semaphores[kind] = threading.BoundedSemaphore(config.max_concurrent_checks())
        return _semaphores[kind]


def run_source(
    source: str,
    entry: str,
    cases: list[Case],
    time_limit_s: float,
    trusted: bool = False,
    take_worker: Callable[[], LearnerProcess | None] | None = None,
    before_job: Callable[[], object] | None = None,
) -> RawRun:
    """Run `source` on `cases` in a separate process and return the raw results.

    `take_worker` may hand over an already started (warm) process once a run slot is free;
    otherwise a fresh one is started. Either way the process serves this run only.
    `before_job` is called once the process is started and before the job (and its clock)
    begins: the caller's own preparation overlaps the process's start-up, never its run.
    """
    if trusted:  # a reference run: in slots of its own, outside the learners' and the pool's idea of busy
        with _slots_for("reference"):
            return _run(source, entry, cases, time_limit_s, trusted, None, before_job)
    global _active
    with _slots_for("learner"):
        with _slots_lock:
            _active += 1
        try:
            return _run(source, entry, cases, time_limit_s, trusted, take_worker, before_job)
        finally:
            with _slots_lock:
                _active -= 1


def _run(source: str, entry: str, cases: list[Case], time_limit_s: float, trusted: bool,
         take_worker: Callable[[], LearnerProcess | None] | None,
         before_job: Callable[[], object] | None) -> RawRun:  # fmt: skip
    process = None
    try:
        take = take_worker if take_worker and not trusted else None
        warm = take() if take else None
        process = warm or start(trusted)
        if before_job is not None:
            before_job()
            if warm is None and take and (warm := take()) is not None:
                # A worker finished warming while this run waited: it is the faster of the two.
                _clean_up_later(process)
                process = warm
        return supervise(process, make_job(source, entry, cases), time_limit_s * config.time_limit_scale())
    finally:
        if process is not None:
            _clean_up_later(process)


_clean_ups: set[threading.Thread] = set()


def _clean_up_later(process: LearnerProcess) -> None:
    """Kill and delete off the learner's waiting time, in a thread the interpreter waits for at exit
    (not a daemon), so a short-lived CLI leaves nothing behind."""

    def work() -> None:
        try:
            process.kill()
        finally:
            with _slots_lock:
                _clean_ups.discard(threading.current_thread())

    thread = threading.Thread(target=work, name="nnx-dojo-clean-up")
    with _slots_lock:
        _clean_ups.add(thread)
    thread.start()


def wait_for_clean_up(timeout: float = 30.0) -> None:
    """Block until every finished run's processes are killed and folders deleted."""
    deadline = time.monotonic() + timeout
    while True:
        with _slots_lock:
            pending = list(_clean_ups)
        if not pending or time.monotonic() > deadline:
            return
        pending[0].join(max(deadline - time.monotonic(), 0))


def run_batch(jobs: list[tuple[str, str, list[Case]]], time_limit_s: float) -> list[RawRun | None]:
    """Run several trusted submissions one after another in one process (the exercises' own files).

    Each still runs every case in a fresh namespace. A run that times out or ends the process
    leaves the later ones as None, for the caller to run on their own.
    """
    global _active
    runs: list[RawRun | None] = [None] * len(jobs)
    with _slots_for("learner"):
        with _slots_lock:
            _active += 1
        process = start(trusted=True, batch=True)
        try:
            for index, (source, entry, cases) in enumerate(jobs):
                process.reader = RecordReader()
                run = supervise(process, make_job(source, entry, cases), time_limit_s * config.time_limit_scale())
                if run.ended != Ended.COMPLETED or not process.alive():
                    break
                runs[index] = run
        finally:
            with _slots_lock:
                _active -= 1
            _clean_up_later(process)
    return runs


def supervise(process: LearnerProcess, job: dict[str, Any], time_limit_s: float) -> RawRun:
    """Hand `job` to a started child, enforce the wall-clock, output and disk limits, collect its records."""
    process.pause(False)
    process.send(job)
    began = time.monotonic()
    deadline = began + STARTUP_TIMEOUT_S + time_limit_s
    started = False
    ended, detail = Ended.COMPLETED, ""
    next_disk_check = began
    while True:
        process.pump(POLL_S)
        now = time.monotonic()
        if not started and process.has(Event.START):
            started, deadline = True, now + time_limit_s
        if process.has(Event.DONE) or process.has(Event.SYNTAX_ERROR):
            break  # threads the learner left running must not hold the verdict back
        if process.overflow:
            ended, detail = Ended.OUTPUT_LIMIT, process.overflow
            break
        if not process.alive():
            process.drain(EXIT_DRAIN_S)
            break
        if process.folder is not None and now >= next_disk_check:
            used = folders.disk_usage(process.folder, config.disk_limit_bytes())
            # A big tree takes a while to walk: never spend more than a tenth of the time walking it.
            next_disk_check = time.monotonic() + max(DISK_CHECK_S, 10 * (time.monotonic() - now))
            if used > config.disk_limit_bytes():
                ended, detail = Ended.OUTPUT_LIMIT, f"wrote more than {config.disk_limit_mb()} MiB to disk"
                break
        if now > deadline:
            ended = Ended.TIME_LIMIT
            detail = f"the time limit of {time_limit_s:g} s was reached"
            if not started:
                detail = f"the checker could not start within {STARTUP_TIMEOUT_S:g} s"
            break
    oom_killed = process.group is not None and process.group.oom_killed()
    returncode = process.process.poll()
    run = collect(process.reader.records, process.reader.events)
    if ended == Ended.COMPLETED and not run.finished and run.syntax_error is None:
        ended, detail = classify_exit(returncode, process.console_tail())
        if oom_killed:
            ended, detail = Ended.MEMORY_LIMIT, "the process was killed after using more memory than allowed"
    run.ended, run.detail = ended, detail
    return run


def collect(records: list[dict[str, Any]], events: set[str]) -> RawRun:
    """Turn the child's records into a `RawRun`; anything malformed is ignored, not trusted."""
    run = RawRun(finished=Event.DONE.value in events)
    for record in records:
        if record.get("event") == Event.CASE and isinstance(record.get("name"), str):
            run.records.setdefault(record["name"], record)
        elif record.get("event") == Event.SYNTAX_ERROR and isinstance(record.get("error"), dict):
            run.syntax_error = run.syntax_error or record["error"]
    return run


def classify_exit(returncode: int | None, stderr: str) -> tuple[str, str]:
    """Name the way a process ended early, from its exit code and the end of its stderr."""
    memory_markers = ("bad_alloc", "Unable to allocate", "RESOURCE_EXHAUSTED", "MemoryError", "Out of memory")
    if returncode is not None and returncode < 0:
        signum = -returncode
        name = signal.Signals(signum).name if signum in signal.Signals._value2member_map_ else str(signum)
        if signum == signal.SIGXFSZ:
            return Ended.OUTPUT_LIMIT, f"wrote more than {MAX_FILE_BYTES // (1024 * 1024)} MiB of output"
        if signum == signal.SIGKILL or any(m in stderr for m in memory_markers):
            return Ended.MEMORY_LIMIT, f"the process was killed ({name}) after running out of memory"
        return Ended.CRASHED, f"the process crashed with signal {name}"
    if any(m in stderr for m in memory_markers):
        return Ended.MEMORY_LIMIT, "the process ran out of memory"
    if returncode is None:
        return Ended.CRASHED, "your code closed the checker's channel before every case had run"
    return Ended.CRASHED, f"your code ended the process (exit code {returncode}) before every case had run"
