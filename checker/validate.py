"""Self-check of exercises: reference accepted, starter rejected, each wrong solution gets its declared verdict."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker.core import check
from checker.problems import Problem
from checker.verdict import Status

_EXPECT = re.compile(r"^#\s*expect:\s*([a-z_]+)\s*$")


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
    """The `# expect: <status>` on a wrong solution's first line (default wrong_answer)."""
    first = path.read_text(encoding="utf-8").splitlines()[:1]
    match = _EXPECT.match(first[0]) if first else None
    return match.group(1) if match else Status.WRONG_ANSWER.value


def validate(problems: list[Problem], progress: Callable[[Row], None] | None = None) -> list[Row]:
    """Check every exercise's reference, starter and wrong solutions; one row each."""
    rows = []
    for problem in problems:
        targets = [("reference.py", problem.reference, "accepted"), ("starter.py", problem.starter, "rejected")]
        for path in problem.wrong_solutions():
            targets.append((f"wrong/{path.name}", path.read_text(encoding="utf-8"), declared_status(path)))
        for name, source, want in targets:
            verdict = check(problem.slug, source, "submit")
            got = verdict.status.value
            if want == "rejected":
                ok = not verdict.accepted and verdict.status is not Status.INTERNAL_ERROR
            else:
                ok = got == want
            row = Row(problem.slug, name, want, got, f"{verdict.passed}/{verdict.total}", ok)
            if not ok and verdict.message:
                row = Row(row.slug, row.file, row.want, f"{got} ({verdict.message[:120]})", row.passed, ok)
            rows.append(row)
            if progress:
                progress(row)
        if not problem.wrong_solutions():
            rows.append(Row(problem.slug, "wrong/", "at least one", "none", "-", False))
    return rows


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
