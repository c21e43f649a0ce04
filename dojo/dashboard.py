"""What a teacher's dashboard shows, computed from a class's rows: progress grid, timeline, what is stuck, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SOLVED, ATTEMPTED, NOT_STARTED = "solved", "attempted", "not started"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as formulas


@dataclass(frozen=True)
class Member:
    """A student in a class."""

    profile_id: str
    name: str
    joined_at: float


@dataclass(frozen=True)
class Attempt:
    """One checked submission of a member on one of the class's exercises (no code, no verdict)."""

    profile_id: str
    slug: str
    mode: str
    status: str
    created_at: float

    @property
    def solves(self) -> bool:
        """An accepted Submit: what counts as solving an exercise."""
        return self.mode == "submit" and self.status == "accepted"


@dataclass(frozen=True)
class Failure:
    """A member's latest failed check of one exercise, with the id and JSON of its stored verdict."""

    submission_id: int
    profile_id: str
    slug: str
    verdict_json: str


@dataclass(frozen=True)
class Stuck:
    """What most of the students still failing an exercise fail on, each with how many students."""

    slug: str
    students: int
    case: tuple[str, int] | None
    error: tuple[str, int] | None
    pitfall: tuple[str, int] | None


def grid(members: Sequence[Member], slugs: Sequence[str], attempts: Iterable[Attempt]) -> dict[tuple[str, str], str]:
    """Status of every (profile, exercise): solved, attempted or not started."""
    status = {(m.profile_id, slug): NOT_STARTED for m in members for slug in slugs}
    for attempt in attempts:
        key = (attempt.profile_id, attempt.slug)
        if key not in status:
            continue
        if attempt.solves:
            status[key] = SOLVED
        elif status[key] == NOT_STARTED:
            status[key] = ATTEMPTED
    return status


def counts(status: dict[tuple[str, str], str], slugs: Sequence[str]) -> dict[str, Counter]:
    """Per exercise, how many students solved, attempted or have not started it."""
    result = {slug: Counter() for slug in slugs}
    for (_, slug), value in status.items():
        result[slug][value] += 1
    return result


def timeline(attempts: Iterable[Attempt], bucket_s: int = 60) -> list[dict]:
    """Checks per time bucket split by outcome: rows of {minute, outcome, checks} for a stacked bar chart."""
    buckets: Counter = Counter()
    for attempt in attempts:
        start = int(attempt.created_at // bucket_s * bucket_s)
        outcome = "solved" if attempt.solves else ("accepted run" if attempt.status == "accepted" else "failed")
        buckets[(start, outcome)] += 1
    return [
        {"minute": dt.datetime.fromtimestamp(start), "outcome": outcome, "checks": n}
        for (start, outcome), n in sorted(buckets.items())
    ]


@functools.lru_cache(maxsize=4096)  # stored verdicts never change: parse each once per server
def failure_of(submission_id: int, verdict_json: str) -> tuple[str | None, str | None, str | None]:
    """(first failing case, error type, matched pitfall's title) read from a stored verdict JSON."""
    try:
        verdict = json.loads(verdict_json)
        cases = [c for c in verdict.get("cases", []) if c.get("status") not in ("accepted", "not_run")]
        first = cases[0] if cases else None
        error = verdict.get("error") or next((c["error"] for c in cases if c.get("error")), None)
    except (ValueError, TypeError, AttributeError, KeyError):  # an unreadable row says nothing, and breaks nothing
        return None, None, None
    case = str(first.get("name")) if first and first.get("name") else None
    if isinstance(error, dict) and error.get("type"):
        kind = str(error["type"])
    else:
        kind = str(verdict.get("status", "")).replace("_", " ").capitalize() or None
    advice = error.get("advice") if isinstance(error, dict) else None
    pitfall = str(advice[0]).split(": ", 1)[0] if isinstance(advice, list) and advice else None
    return case, kind, pitfall


def stuck(failures: Iterable[Failure], status: dict[tuple[str, str], str], slugs: Sequence[str]) -> list[Stuck]:
    """Per exercise, among students who tried and have not solved it: the most frequent failing case, error, pitfall."""
    per_slug: dict[str, list[tuple[str | None, str | None, str | None]]] = {slug: [] for slug in slugs}
    for failure in failures:
        if status.get((failure.profile_id, failure.slug)) == ATTEMPTED:
            per_slug[failure.slug].append(failure_of(failure.submission_id, failure.verdict_json))
    result = []
    for slug, found in per_slug.items():
        tops = []
        for position in range(3):
            common = Counter(item[position] for item in found if item[position]).most_common(1)
            tops.append(common[0] if common else None)
        result.append(Stuck(slug, len(found), *tops))
    return result


def leaderboard(members: Sequence[Member], status: dict[tuple[str, str], str], attempts: Iterable[Attempt]) -> list:
    """(name, solved, time of the last solve) for members with a solve, most solved first, then earliest."""
    last_solve: dict[str, float] = {}
    for attempt in attempts:
        if attempt.solves and status.get((attempt.profile_id, attempt.slug)) == SOLVED:
            last_solve[attempt.profile_id] = max(last_solve.get(attempt.profile_id, 0.0), attempt.created_at)
    solved = Counter(pid for (pid, _), value in status.items() if value == SOLVED)
    rows = [(m.name, solved[m.profile_id], last_solve[m.profile_id]) for m in members if solved[m.profile_id]]
    return sorted(rows, key=lambda row: (-row[1], row[2]))


def csv_text(members: Sequence[Member], slugs: Sequence[str], attempts: Sequence[Attempt]) -> str:
    """One row per student and exercise: status, checks run, first solve time (UTC); safe to open in a spreadsheet."""
    status = grid(members, slugs, attempts)
    checks = Counter((a.profile_id, a.slug) for a in attempts)
    first_solve: dict[tuple[str, str], float] = {}
    for attempt in sorted(attempts, key=lambda a: a.created_at):
        if attempt.solves:
            first_solve.setdefault((attempt.profile_id, attempt.slug), attempt.created_at)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["student", "joined_utc", "exercise", "status", "checks", "first_solved_utc"])
    for member in members:
        for slug in slugs:
            key = (member.profile_id, slug)
            solved_at = first_solve.get(key)
            writer.writerow(
                [_cell(member.name), _utc(member.joined_at), slug, status[key], checks[key], _utc(solved_at)]
            )
    return out.getvalue()


def _cell(value: str) -> str:
    """A text cell a spreadsheet shows as text: a leading formula character is quoted away."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _utc(stamp: float | None) -> str:
    return "" if stamp is None else dt.datetime.fromtimestamp(stamp, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
