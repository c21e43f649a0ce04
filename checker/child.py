"""The learner's process: run a submission on each case and write raw results as JSON lines.

Started by `checker.runner`. It imports jax, flax and optax, installs the loss recorder,
then reads one job (JSON) from stdin. For every case the source is executed anew in a
fresh namespace, the entry function is called, and one result line is appended to the
results file. It never judges: expected outputs are not in this process.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import json
import os
import sys
import time
from typing import Any


class OutputLimitExceeded(BaseException):
    """Raised when the learner prints past the hard output cap (BaseException: not swallowed)."""


class CappedWriter(io.TextIOBase):
    """A text stream that keeps the first `cap` characters and stops the run past `hard_cap`."""

    def __init__(self, cap: int, hard_cap: int) -> None:
        self.cap, self.hard_cap = cap, hard_cap
        self.parts: list[str] = []
        self.kept = 0
        self.total = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.total += len(text)
        if self.kept < self.cap:
            piece = text[: self.cap - self.kept]
            self.parts.append(piece)
            self.kept += len(piece)
        if self.total > self.hard_cap:
            raise OutputLimitExceeded(f"printed more than {self.hard_cap} characters")
        return len(text)

    def getvalue(self) -> str:
        text = "".join(self.parts)
        if self.total > self.kept:
            text += f"\n[output truncated: {self.total - self.kept} more characters not shown]"
        return text


def _emit(results: Any, record: dict[str, Any]) -> None:
    results.write(json.dumps(record) + "\n")
    results.flush()


def _is_memory_error(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    text = str(exc) if not isinstance(exc, OutputLimitExceeded) else ""
    return "RESOURCE_EXHAUSTED" in text or "Out of memory" in text or "bad_alloc" in text


def _load_args(case: dict[str, Any], arrays: Any) -> list[Any]:
    import jax.numpy as jnp

    args = []
    for value in case["args"]:
        if isinstance(value, dict) and "array" in value:
            args.append(jnp.asarray(arrays[value["array"]]))
        else:
            args.append(value)
    return args


def run_case(code: Any, source: str, entry: str, args: list[Any], job: dict[str, Any]) -> dict[str, Any]:
    """Execute the module anew and call its entry function on one case's arguments."""
    from checker import losses, traces
    from checker.compare import encode_output

    writer = CappedWriter(job["stdout_cap"], job["stdout_hard_cap"])
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = writer
    record: dict[str, Any] = {"status": "ok"}
    start = time.perf_counter()
    try:
        with losses.recording() as recorded:
            try:
                namespace = {"__name__": "solution", "__file__": traces.SOLUTION_FILENAME, "__builtins__": builtins}
                exec(code, namespace)
                function = namespace.get(entry)
                if not callable(function):
                    record = {"status": "missing_function"}
                else:
                    record["output"] = encode_output(function(*args))
            except OutputLimitExceeded as exc:
                record = {"status": "output_limit", "message": str(exc)}
            except OSError as exc:
                if exc.errno != errno.EFBIG:
                    record = {"status": "error", "error": traces.runtime_error_info(exc, source)}
                else:  # RLIMIT_FSIZE: Python ignores SIGXFSZ, so the write fails instead
                    record = {"status": "output_limit", "message": "wrote more than the file-size limit allows"}
            except BaseException as exc:  # the learner's error, whatever it is, is a result
                status = "memory_limit" if _is_memory_error(exc) else "error"
                record = {"status": status, "error": traces.runtime_error_info(exc, source)}
    finally:
        sys.stdout, sys.stderr = saved
    record["time_s"] = time.perf_counter() - start
    record["losses"] = list(recorded)
    record["stdout"] = writer.getvalue()
    return record


def warm_up(path: str) -> None:
    """Run trusted code on stand-in inputs so the kernels for the exercises' shapes are compiled.

    The warm-up files (written by the pool) are read and deleted before any learner code arrives;
    their inputs are random arrays with the cases' shapes, never the cases themselves.
    """
    import gc
    import linecache

    import jax
    import jax.numpy as jnp
    import numpy as np

    from checker import losses

    try:
        with open(path, encoding="utf-8") as handle:
            programs = json.load(handle)
        arrays = dict(np.load(path.replace(".json", ".npz"), allow_pickle=False))
    except (OSError, ValueError):
        return
    finally:
        for leftover in (path, path.replace(".json", ".npz")):
            with contextlib.suppress(OSError):
                os.remove(leftover)
    for program in programs:
        try:
            namespace: dict[str, Any] = {"__name__": "warmup"}
            exec(compile(program["source"], "<warm-up>", "exec"), namespace)
            function = namespace[program["entry"]]
            for args in program["cases"]:
                values = [jnp.asarray(arrays[a["array"]]) if isinstance(a, dict) else a for a in args]
                with losses.recording():
                    jax.block_until_ready(function(*values))
        except Exception:  # a failed warm-up only costs speed
            continue
    linecache.clearcache()
    gc.collect()


def limit_resources(argv: list[str]) -> None:
    """Cap memory (data segment), file size and core dumps for this process and its children."""
    import argparse
    import resource

    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, default=3072)
    parser.add_argument("--file-bytes", type=int, default=16 * 1024 * 1024)
    args, _ = parser.parse_known_args(argv)
    data = args.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (data, data))
    resource.setrlimit(resource.RLIMIT_FSIZE, (args.file_bytes, args.file_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main() -> None:
    """Import the libraries, optionally warm up, read a job from stdin, run every case, write results."""
    limit_resources(sys.argv[1:])
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    import jax  # noqa: F401  (imported before the job arrives: that is the warm-up)
    import numpy as np
    import optax  # noqa: F401
    from flax import nnx  # noqa: F401

    from checker import losses, traces

    losses.install()
    if os.path.exists("warmup.json"):
        warm_up(os.path.abspath("warmup.json"))
    with open("ready", "w", encoding="utf-8") as marker:
        marker.write(str(os.getpid()))
    line = sys.stdin.readline()
    if not line:
        return
    job = json.loads(line)  # paths in the job are relative to the working folder
    with open(job["results"], "a", encoding="utf-8") as results:
        _emit(results, {"event": "start", "pid": os.getpid()})
        with open(job["source"], encoding="utf-8") as handle:
            source = handle.read()
        try:
            code = compile(source, traces.SOLUTION_FILENAME, "exec")
        except (SyntaxError, ValueError) as exc:
            if isinstance(exc, SyntaxError):
                info = traces.syntax_error_info(exc, source)
            else:
                info = {"type": "ValueError", "message": str(exc)}
            _emit(results, {"event": "syntax_error", "error": info})
            return
        arrays = np.load(job["inputs"], allow_pickle=False)
        for case in job["cases"]:
            record = run_case(code, source, job["entry"], _load_args(case, arrays), job)
            _emit(results, {"event": "case", "name": case["name"], **record})
        _emit(results, {"event": "done"})


if __name__ == "__main__":
    main()
