"""`check()`: run a submission against an exercise's cases and build the `Verdict`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from checker import config, runner, sandbox
from checker.compare import compare
from checker.expected import ExpectedCase, ReferenceFailed, expected_outputs
from checker.inside import traces
from checker.pool import default_pool
from checker.problems import Case, Problem, ProblemError, load_problem
from checker.protocol import SOLUTION_FILENAME, CaseOutcome, decode_output
from checker.verdict import MAX_LOSS_POINTS, CaseResult, ErrorInfo, Status, Verdict, text

MODES = ("run", "submit")
MAX_SOURCE_CHARS = 200_000
_PROCESS_END = {
    "time_limit": Status.TIME_LIMIT,
    "memory_limit": Status.MEMORY_LIMIT,
    "output_limit": Status.OUTPUT_LIMIT,
    "crashed": Status.RUNTIME_ERROR,
}
_RECORD_STATUS = {
    CaseOutcome.MISSING_FUNCTION: Status.MISSING_FUNCTION,
    CaseOutcome.MEMORY_LIMIT: Status.MEMORY_LIMIT,
    CaseOutcome.OUTPUT_LIMIT: Status.OUTPUT_LIMIT,
    CaseOutcome.ERROR: Status.RUNTIME_ERROR,
}
HIDDEN_MISMATCH = "does not match the expected output (a hidden case shows no details)"
MAX_SHOWN_ELEMENTS = 1_000  # a visible case's returned values are shown up to this size


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
        sandbox.ensure_allowed()
        verdict = _check(slug, source, mode, root, pool)
    except sandbox.SandboxRefused as exc:
        verdict = Verdict(slug, mode, Status.INTERNAL_ERROR, message=str(exc))
    except (ProblemError, ReferenceFailed) as exc:
        verdict = Verdict(slug, mode, Status.INTERNAL_ERROR, message=f"The exercise could not be checked: {exc}")
    except Exception as exc:  # the checker always answers, even when it is itself broken
        verdict = Verdict(slug, mode, Status.INTERNAL_ERROR, message=f"Checker error: {type(exc).__name__}: {exc}")
    verdict.duration_s = time.monotonic() - began
    return verdict.bounded()


def _check(slug: str, source: str, mode: str, root: Path | None, pool: Any) -> Verdict:
    problem = load_problem(slug, root)
    prepared = prepare(problem, source, mode)
    if isinstance(prepared, Verdict):
        return prepared
    source, cases = prepared
    expected = expected_outputs(problem)
    take_worker = (lambda: pool.acquire(slug)) if pool is not None else None
    run = runner.run_source(source, problem.entry, cases, problem.time_limit_s, take_worker=take_worker)
    return judge(problem, mode, cases, expected, run)


def prepare(problem: Problem, source: str | bytes, mode: str) -> Verdict | tuple[str, list[Case]]:
    """The source as text and the cases to run, or a syntax verdict when the source cannot even compile."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
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
        compile(source, SOLUTION_FILENAME, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return _syntax_verdict(problem, mode, len(cases), traces.syntax_error_info(exc, source))
    except ValueError as exc:  # e.g. a NUL byte in the source
        return _syntax_verdict(problem, mode, len(cases), _unreadable(f"cannot be compiled: {exc}"))
    return source, cases


def judge(
    problem: Problem, mode: str, cases: list[Case], expected: dict[str, ExpectedCase], run: runner.RawRun
) -> Verdict:
    """The verdict for one run: every case's record compared with the reference's output."""
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
    info = _error_info(problem, error)
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
    # Everything in `record` comes from the learner's process: checked, capped, never trusted.
    result.time_s = _number(record.get("time_s"))
    warnings = record.get("warnings") if isinstance(record.get("warnings"), list) else []
    result.warnings = [text(w, limit=300) for w in warnings[:10]]
    result.stdout = text(record.get("stdout"), limit=config.stdout_cap() + 100)
    losses = record.get("losses") if isinstance(record.get("losses"), list) else []
    result.losses = [_number(v) for v in losses[:MAX_LOSS_POINTS]]
    status = record.get("status") if isinstance(record.get("status"), str) else None
    if status == CaseOutcome.OK:
        comparison = compare(record.get("output"), expected.output, problem.rtol, problem.atol)
        if not comparison.ok:
            result.status = Status.WRONG_ANSWER
        if case.visible:
            result.max_abs_error = comparison.max_abs_error
            result.got = _plain(record.get("output"))
            result.message = comparison.message
        elif not comparison.ok:  # a hidden case reveals its status only
            result.message = HIDDEN_MISMATCH
        return result
    result.status = _RECORD_STATUS.get(status, Status.INTERNAL_ERROR)
    if status == CaseOutcome.MISSING_FUNCTION:
        result.message = f"no function named {problem.entry!r} is defined; expected def {problem.signature}:"
    elif isinstance(record.get("error"), dict):
        result.error = _error_info(problem, record["error"])
        where = f" on line {result.error.line}" if result.error.line else ""
        result.message = f"{result.error.type}{where}: {result.error.message}"
    else:
        result.message = text(record.get("message", status))
    return result


def _error_info(problem: Problem, raw: dict[str, Any]) -> ErrorInfo:
    """An `ErrorInfo` from the learner process's error record, every field checked and capped."""
    error = ErrorInfo(
        type=text(raw.get("type"), limit=200) or "Error",
        message=text(raw.get("message")),
        line=_line(raw.get("line")),
        column=_line(raw.get("column")),
        traceback=text(raw.get("traceback"), limit=8_000),
    )
    error.advice = problem.advice_for(f"{error.type}: {error.message}")
    return error


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _line(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10_000_000 else None


def _plain(encoded: Any) -> Any:
    try:
        array = decode_output(encoded)
    except ValueError:
        return None
    return None if array is None or array.size > MAX_SHOWN_ELEMENTS else array.tolist()


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
