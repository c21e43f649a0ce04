"""The learner's process: run a submission on each case and report raw results as JSON lines.

Started by the host (`checker.runner`), usually inside the sandbox. It imports jax, flax and
optax, installs the loss recorder, optionally warms up on stand-in inputs (shapes only), says it
is ready, then reads one job from stdin. For every case the source is executed anew in a fresh
namespace, the entry function is called, and one record is written to the results pipe. It never
judges: neither the reference solution nor any expected output ever reaches this process.
"""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import sys
import time
import types
import warnings
from typing import Any

from checker.protocol import (
    RESULTS_FD,
    SOLUTION_FILENAME,
    CaseOutcome,
    Event,
    Message,
    decode_arg,
    encode_output,
    finite_number,
)

CACHE_WARNING = "Error writing persistent compilation cache entry"


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


class Results:
    """The write end of the results pipe the host created."""

    def __init__(self, fd: int = RESULTS_FD) -> None:
        self.stream = os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False)

    def emit(self, event: Event, **fields: Any) -> None:
        """Write one record as a JSON line and flush it."""
        self.stream.write(json.dumps({"event": event.value, **fields}, allow_nan=False, default=str) + "\n")
        self.stream.flush()


def _is_memory_error(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    text = str(exc) if not isinstance(exc, OutputLimitExceeded) else ""
    return "RESOURCE_EXHAUSTED" in text or "Out of memory" in text or "bad_alloc" in text


def run_case(code: Any, source: str, entry: str, args: list[Any], job: dict[str, Any]) -> dict[str, Any]:
    """Execute the module anew and call its entry function on one case's arguments."""
    from checker.inside import losses, traces

    writer = CappedWriter(job["stdout_cap"], job["stdout_hard_cap"])
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = writer
    record: dict[str, Any] = {"status": CaseOutcome.OK.value}
    start = time.perf_counter()
    try:
        with losses.recording() as recorded, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")  # every warning of this case, even one seen in an earlier case
            warnings.filterwarnings("ignore", message=CACHE_WARNING)
            try:
                # A real module in sys.modules, as an imported file would be: dataclasses, Linen
                # modules and typing look their class's module up by name.
                module = types.ModuleType("solution")
                module.__file__ = SOLUTION_FILENAME
                module.__builtins__ = builtins
                sys.modules["solution"] = module
                namespace = module.__dict__
                exec(code, namespace)
                function = namespace.get(entry)
                if not callable(function):
                    record = {"status": CaseOutcome.MISSING_FUNCTION.value}
                else:
                    record["output"] = encode_output(function(*args))
            except OutputLimitExceeded as exc:
                record = {"status": CaseOutcome.OUTPUT_LIMIT.value, "message": str(exc)}
            except OSError as exc:
                if exc.errno not in (errno.EFBIG, errno.ENOSPC, errno.EDQUOT):
                    record = {"status": CaseOutcome.ERROR.value, "error": traces.runtime_error_info(exc, source)}
                else:  # RLIMIT_FSIZE or the size-capped run folder: the write fails instead of a signal
                    record = {"status": CaseOutcome.OUTPUT_LIMIT.value, "message": "wrote more than the disk limit"}
            except BaseException as exc:  # the learner's error, whatever it is, is a result
                status = CaseOutcome.MEMORY_LIMIT if _is_memory_error(exc) else CaseOutcome.ERROR
                record = {"status": status.value, "error": traces.runtime_error_info(exc, source)}
    finally:
        sys.stdout, sys.stderr = saved
    record["time_s"] = time.perf_counter() - start
    record["losses"] = [finite_number(v) for v in recorded]
    record["stdout"] = writer.getvalue()
    record["warnings"] = _warning_texts(caught)
    return record


def _warning_texts(caught: list[Any]) -> list[str]:
    """Distinct warnings raised during a case, as 'Category: message' (at most ten, each capped)."""
    texts = []
    for warning in caught:
        try:
            texts.append(f"{warning.category.__name__}: {warning.message}"[:300])
        except Exception:  # a learner-made warning whose str() raises is simply not shown
            continue
    return list(dict.fromkeys(texts))[:10]


def parse_args(argv: list[str]) -> Any:
    """The limits and the results pipe chosen by the host."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, default=3072)
    parser.add_argument("--file-bytes", type=int, default=16 * 1024 * 1024)
    parser.add_argument("--results-fd", type=int, default=RESULTS_FD)
    parser.add_argument("--batch", action="store_true", help="trusted runs only: serve jobs until stdin closes")
    parser.add_argument("--confine", help="Landlock rules as JSON (read, write): confine before anything else")
    return parser.parse_known_args(argv)[0]


def limit_resources(memory_mb: int, file_bytes: int) -> None:
    """Cap memory (data segment), file size and core dumps for this process and its children."""
    import resource

    data = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (data, data))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _read_message() -> dict[str, Any] | None:
    line = sys.stdin.readline()
    return json.loads(line) if line else None


def run_job(job: dict[str, Any], results: Results) -> None:
    """Compile the submission and run every case, one record each."""
    from checker.inside import traces

    results.emit(Event.START, pid=os.getpid())
    source = job["source"]
    try:
        code = compile(source, SOLUTION_FILENAME, "exec", dont_inherit=True)  # not this file's __future__ flags
    except (SyntaxError, ValueError) as exc:
        if isinstance(exc, SyntaxError):
            info = traces.syntax_error_info(exc, source)
        else:
            info = {"type": "ValueError", "message": str(exc)}
        results.emit(Event.SYNTAX_ERROR, error=info)
        return
    import jax.numpy as jnp

    for case in job["cases"]:
        args = [jnp.asarray(a) if not isinstance(a, float) else a for a in map(decode_arg, case["args"])]
        record = run_case(code, source, job["entry"], args, job)
        results.emit(Event.CASE, name=case["name"], **record)
    results.emit(Event.DONE)


def main() -> None:
    """Import the libraries, warm up if asked, say ready, read a job from stdin and run it."""
    args = parse_args(sys.argv[1:])
    if args.confine:  # first of all: Landlock binds only the calling thread, and imports below start threads
        from checker.inside import confine

        rules = json.loads(args.confine)
        try:
            confine.apply(confine.Rules(read=rules["read"], write=rules["write"]))
        except confine.ConfinementError as exc:
            sys.stderr.write(f"sandbox: the process could not be confined, so it will not run any code: {exc}\n")
            sys.exit(70)
    limit_resources(args.memory_mb, args.file_bytes)
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    # The shared compilation cache is mounted read-only: failing to add to it is expected, not news.
    warnings.filterwarnings("ignore", message=CACHE_WARNING)
    import jax  # noqa: F401  (imported before the job arrives: that is the warm-up)
    import optax  # noqa: F401
    from flax import nnx  # noqa: F401

    from checker.inside import losses

    losses.install()
    results = Results(args.results_fd)
    message = _read_message()
    if message is not None and message.get("kind") == Message.WARM_UP:
        from checker.inside.warmup import warm_up

        warm_up(message["cases"])
        results.emit(Event.READY)
        message = _read_message()
    while message is not None and message.get("kind") == Message.JOB:
        run_job(message, results)
        message = _read_message() if args.batch else None


if __name__ == "__main__":
    main()
