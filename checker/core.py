"""`check()`: run a submission against an exercise's cases and build the `Verdict`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from checker import runner, traces
from checker.compare import compare
from checker.expected import ExpectedCase, ReferenceFailed, expected_outputs
from checker.pool import default_pool
from checker.problems import Case, Problem, ProblemError, load_problem
from checker.verdict import CaseResult, ErrorInfo, Status, Verdict

MODES = ("run", "submit")
MAX_SOURCE_CHARS = 200_000
_PROCESS_END = {
    "time_limit": Status.TIME_LIMIT,
    "memory_limit": Status.MEMORY_LIMIT,
    "output_limit": Status.OUTPUT_LIMIT,
    "crashed": Status.RUNTIME_ERROR,
}
_RECORD_STATUS = {
    "missing_function": Status.MISSING_FUNCTION,
    "memory_limit": Status.MEMORY_LIMIT,
    "output_limit": Status.OUTPUT_LIMIT,
    "error": Status.RUNTIME_ERROR,
}


_DEFAULT_POOL = object()


def check(slug: str, source: str, mode: str = "submit", root: Path | None = None, pool: Any = _DEFAULT_POOL) -> Verdict:
    """Check `source` against exercise `slug`; `mode` 'run' uses visible cases, 'submit' all.

    `root` is the problems folder (default: the project's `problems/`). `pool` is a
    `checker.pool.WorkerPool` to take a warm worker from; by default the process-wide pool if one
    was started, `None` for a fresh process every time.
    """
    began = time.monotonic()
    if pool is _DEFAULT_POOL:
        pool = default_pool()
    try:
        verdict = _check(slug, source, mode, root, pool)
    except (ProblemError, ReferenceFailed) as exc:
        verdict = Verdict(slug, mode, Status.INTERNAL_ERROR, message=f"The exercise could not be checked: {exc}")
    except Exception as exc:  # the checker always answers, even when it is itself broken
        verdict = Verdict(slug, mode, Status.INTERNAL_ERROR, message=f"Checker error: {type(exc).__name__}: {exc}")
    verdict.duration_s = time.monotonic() - began
    return verdict


def _check(slug: str, source: str, mode: str, root: Path | None, pool: Any) -> Verdict:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    problem = load_problem(slug, root)
    cases = [c for c in problem.cases() if mode == "submit" or c.visible]
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8")
        except UnicodeDecodeError as exc:
            not_utf8 = f"is not valid UTF-8 text (byte {exc.start})"
            return _syntax_verdict(problem, mode, len(cases), _unreadable(not_utf8))
    if len(source) > MAX_SOURCE_CHARS:
        too_long = f"is {len(source):,} characters long; the limit is {MAX_SOURCE_CHARS:,}"
        return _syntax_verdict(problem, mode, len(cases), _unreadable(too_long))
    try:
        compile(source, traces.SOLUTION_FILENAME, "exec")
    except SyntaxError as exc:
        return _syntax_verdict(problem, mode, len(cases), traces.syntax_error_info(exc, source))
    except ValueError as exc:  # e.g. a NUL byte in the source
        return _syntax_verdict(problem, mode, len(cases), _unreadable(f"cannot be compiled: {exc}"))
    expected = expected_outputs(problem)
    run = runner.run_source(source, problem.entry, cases, problem.time_limit_s, pool=pool, slug=slug)
    if run.syntax_error is not None:
        return _syntax_verdict(problem, mode, len(cases), run.syntax_error)
    # The first case without a result is the one that was running when the process stopped.
    stopped_at = next((i for i, c in enumerate(cases) if c.name not in run.records), len(cases))
    results = [
        _case_result(problem, case, expected[case.name], run, later=i > stopped_at) for i, case in enumerate(cases)
    ]
    return _summarise(problem, mode, results)


def _unreadable(reason: str) -> dict[str, Any]:
    """An error record for source that cannot even be compiled (encoding, size, NUL bytes)."""
    return {"type": "SyntaxError", "message": f"the code {reason}"}


def _syntax_verdict(problem: Problem, mode: str, total: int, error: dict[str, Any]) -> Verdict:
    info = ErrorInfo(**error)
    where = f" on line {info.line}" if info.line else ""
    return Verdict(problem.slug, mode, Status.SYNTAX_ERROR, 0, total, f"{info.type}{where}: {info.message}", error=info)


def _case_result(problem: Problem, case: Case, expected: ExpectedCase, run: runner.RawRun, later: bool) -> CaseResult:
    result = CaseResult(case.name, case.visible, Status.ACCEPTED, description=case.description)
    if case.visible:
        result.expected = expected.output.tolist()
        result.reference_losses = list(expected.losses)
    record = run.records.get(case.name)
    if record is None:
        result.status = _PROCESS_END.get(run.ended, Status.INTERNAL_ERROR)
        result.message = run.detail or "no result came back"
        if run.ended == "completed":
            result.status = Status.RUNTIME_ERROR
            result.message = "no result came back for this case: the code interfered with the checker's output"
        if later:
            result.status, result.message = Status.NOT_RUN, "not run: the submission stopped on an earlier case"
        return result
    result.time_s = float(record.get("time_s", 0.0))
    result.stdout = str(record.get("stdout", ""))
    result.losses = [float(v) for v in record.get("losses", []) if isinstance(v, (int, float))]
    status = record.get("status")
    if status == "ok":
        comparison = compare(record.get("output", {}), expected.output, problem.rtol, problem.atol)
        result.max_abs_error = comparison.max_abs_error
        if case.visible:
            result.got = _plain(record.get("output", {}))
        if not comparison.ok:
            result.status = Status.WRONG_ANSWER
        result.message = comparison.message
        return result
    result.status = _RECORD_STATUS.get(status, Status.INTERNAL_ERROR)
    if status == "missing_function":
        result.message = f"no function named {problem.entry!r} is defined; expected def {problem.signature}:"
    elif isinstance(record.get("error"), dict):
        error = ErrorInfo(**{k: record["error"].get(k) for k in ("type", "message", "line", "column", "traceback")})
        error.message = str(error.message or "")
        error.traceback = str(error.traceback or "")
        error.advice = problem.advice_for(f"{error.type}: {error.message}")
        result.error = error
        where = f" on line {error.line}" if error.line else ""
        result.message = f"{error.type}{where}: {error.message}"
    else:
        result.message = str(record.get("message", status))
    return result


def _plain(encoded: dict[str, Any]) -> Any:
    from checker.compare import decode_output

    try:
        array = decode_output(encoded)
    except ValueError:
        return None
    return None if array is None else array.tolist()


def _summarise(problem: Problem, mode: str, results: list[CaseResult]) -> Verdict:
    passed = sum(r.passed for r in results)
    total = len(results)
    failing = next((r for r in results if not r.passed), None)
    if failing is None:
        status = Status.ACCEPTED
        scope = "visible cases" if mode == "run" else "cases"
        message = f"All {total} {scope} pass."
    elif all(r.status is Status.MISSING_FUNCTION for r in results):
        status = Status.MISSING_FUNCTION
        message = failing.message
    else:
        status = failing.status
        message = f"First failure, case {failing.name!r}: {failing.message}"
    return Verdict(problem.slug, mode, status, passed, total, message, results)
