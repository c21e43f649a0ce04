"""Self-check of exercises: reference and right/ accepted, starter rejected, each wrong/ file its declared verdict.

The exercise's own files are trusted, so all of an exercise's targets run one after another in
one process (each case still in a fresh namespace) and exercises are validated in parallel.
Anything that cannot run that way (a target that ends its process, for example) is checked on
its own through the ordinary `check()` path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker import config, runner
from checker.core import check, judge, prepare
from checker.expected import expected_outputs
from checker.problems import Problem
from checker.verdict import Status, Verdict

_EXPECT = re.compile(r"^#\s*expect:\s*([a-z_]+)\s*$")
DEPRECATIONS = ("DeprecationWarning", "FutureWarning", "PendingDeprecationWarning")
# Validate proves verdicts, not speed: the exercise's own files get a generous limit, and the speed
# that matters to learners is checked on its own (the reference must use at most half the limit).
BATCH_TIME_SCALE = 3.0
REFERENCE_SHARE = 0.5


@dataclass(frozen=True)
class Row:
    """One line of the validate table."""

    slug: str
    file: str
    want: str
    got: str
    passed: str
    ok: bool


def declared_status(path: Path) -> str:
    """The `# expect: <status>` on a solution's first line (default wrong_answer)."""
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    match = _EXPECT.match(first[0]) if first else None
    return match.group(1) if match else Status.WRONG_ANSWER.value


def targets(problem: Problem) -> list[tuple[str, str, str]]:
    """(file, source, wanted status) for the reference, the starter, right/ and wrong/."""
    found = [("reference.py", problem.reference, "accepted"), ("starter.py", problem.starter, "rejected")]
    for path in problem.right_solutions():
        found.append((f"right/{path.name}", path.read_text(encoding="utf-8"), "accepted"))
    for path in problem.wrong_solutions():
        found.append((f"wrong/{path.name}", path.read_text(encoding="utf-8"), declared_status(path)))
    return found


def verdicts(problem: Problem, sources: list[str]) -> list[Verdict]:
    """Judge every source on all cases, sharing one trusted process where possible."""
    expected = expected_outputs(problem)
    results: list[Verdict | None] = []
    pending: list[tuple[int, str, list]] = []
    for index, source in enumerate(sources):
        prepared = prepare(problem, source, "submit")
        results.append(prepared if isinstance(prepared, Verdict) else None)
        if not isinstance(prepared, Verdict):
            pending.append((index, *prepared))
    while pending:
        jobs = [(source, problem.entry, cases) for _, source, cases in pending]
        runs = runner.run_batch(jobs, problem.time_limit_s * BATCH_TIME_SCALE)
        done = 0
        for (index, _, cases), run in zip(pending, runs, strict=True):
            if run is None:
                break
            results[index] = judge(problem, "submit", cases, expected, run)
            done += 1
        if done < len(pending):  # this one ended its process or ran out of time: judge it on its own
            index = pending[done][0]
            results[index] = check(problem.slug, sources[index], "submit")
            done += 1
        pending = pending[done:]
    return [verdict for verdict in results if verdict is not None]


def _as_wanted(verdict: Verdict, want: str) -> bool:
    if want == "rejected":  # the starter: any verdict but accepted, as long as the checker itself worked
        return not verdict.accepted and verdict.status is not Status.INTERNAL_ERROR
    return verdict.status.value == want


def validate_problem(problem: Problem) -> list[Row]:
    """The rows of one exercise."""
    files = targets(problem)
    rows = []
    for (name, _, want), verdict in zip(files, verdicts(problem, [source for _, source, _ in files]), strict=True):
        got = verdict.status.value
        ok = _as_wanted(verdict, want)
        deprecated = [w for c in verdict.cases for w in c.warnings if w.startswith(DEPRECATIONS)]
        seconds = sum(c.time_s for c in verdict.cases)
        if name == "reference.py" and deprecated:
            ok, got = False, f"{got}, but it raises {deprecated[0][:120]}"
        elif name == "reference.py" and seconds > REFERENCE_SHARE * problem.time_limit_s:
            ok, got = False, f"{got}, but it runs {seconds:.1f} s of the {problem.time_limit_s:g} s limit"
        elif not ok and verdict.message:
            got = f"{got} ({verdict.message[:120]})"
        rows.append(Row(problem.slug, name, want, got, f"{verdict.passed}/{verdict.total}", ok))
    if not problem.wrong_solutions():
        rows.append(Row(problem.slug, "wrong/", "at least one", "none", "-", False))
    return rows


def validate(problems: list[Problem], progress: Callable[[Row], None] | None = None) -> list[Row]:
    """Check every exercise's files, several exercises at once; rows in the exercises' order."""

    def one(problem: Problem) -> list[Row]:
        rows = validate_problem(problem)
        for row in rows if progress else ():
            progress(row)
        return rows

    with ThreadPoolExecutor(max_workers=config.max_concurrent_checks()) as executor:
        return [row for block in executor.map(one, problems) for row in block]


def format_table(rows: list[Row]) -> str:
    """A Markdown table of the rows, with a closing summary line."""
    lines = ["| exercise | file | expected | got | passed | ok |", "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        ok = "yes" if row.ok else "NO"
        lines.append(f"| {row.slug} | {row.file} | {row.want} | {row.got} | {row.passed} | {ok} |")
    good = sum(row.ok for row in rows)
    lines.append("")
    lines.append(f"{good} of {len(rows)} checks as expected" + ("" if good == len(rows) else " -- FAILURES above"))
    return "\n".join(lines)
