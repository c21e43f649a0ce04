"""Classes in the database (SQLite and PostgreSQL), hostile names and codes, and the dashboard for 30 students."""

from __future__ import annotations

import csv
import io
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect

from checker.verdict import CaseResult, ErrorInfo, Status, Verdict
from dojo import classroom, dashboard, names
from dojo.store import DB_NAME, Store
from tests.test_store import LAPTOP_SCHEMA_V1

ALICE, BOB = "key:" + "a" * 32, "key:" + "b" * 32  # two teachers' owner ids
SLUGS = ["nnx-optimizer-basics", "nnx-train-step", "nnx-multimetric"]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgresql":
        opened = Store(url=request.getfixturevalue("postgres_url"))
    else:
        opened = Store(tmp_path / DB_NAME)
    yield opened
    opened.close()


def test_a_class_gets_an_unguessable_code_and_only_its_owner_sees_it(store: Store) -> None:
    first = classroom.create_class(store, ALICE, "Week 3")
    second = classroom.create_class(store, ALICE, "Week 4")
    theirs = classroom.create_class(store, BOB, "Other school")
    assert first.code != second.code and names.class_code(first.code) == first.code and first.is_open
    assert [k.name for k in classroom.classes_of(store, ALICE)] == ["Week 4", "Week 3"]
    assert [k.name for k in classroom.classes_of(store, BOB)] == ["Other school"]
    assert classroom.owned_class(store, BOB, first.id) is None
    with pytest.raises(classroom.ClassroomError, match="not one of yours"):
        classroom.set_exercises(store, BOB, first.id, SLUGS)
    classroom.close_class(store, BOB, first.id)  # not Bob's: nothing happens
    assert classroom.owned_class(store, ALICE, first.id).is_open
    classroom.set_exercises(store, ALICE, first.id, [SLUGS[1], SLUGS[0], SLUGS[1]])
    assert classroom.exercises(store, first.id) == [SLUGS[1], SLUGS[0]]
    assert classroom.exercises(store, theirs.id) == []


def test_codes_use_an_alphabet_without_look_alikes() -> None:
    codes = {names.new_class_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert not set("".join(codes)) & set("01OIL")
    assert names.class_code(" abcd-2345 ") == "ABCD2345"


@pytest.mark.parametrize(
    "forged",
    ["", "ABCD234", "ABCD23456", "ABCD234O", "' OR 1=1 --", "ABCD2345\x00", "ＡＢＣＤ２３４５", "%00", "a" * 10_000],
)
def test_a_forged_class_code_finds_nothing(store: Store, forged: str) -> None:
    classroom.create_class(store, ALICE, "Week 3")
    assert classroom.class_by_code(store, forged) is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 41, "at most 40"),
        ("Eve\x00", "control"),
        ("Eve\nMallory", "control"),
        ("Eve\u202eyllaM", "invisible"),  # a right-to-left override would reorder the dashboard's text
        ("E\u200bve", "invisible"),
        ("Eve\ud800", "invisible"),
        ("Eve\u2028Mallory", "invisible"),
    ],
)
def test_hostile_display_names_are_refused(store: Store, typed: str, reason: str) -> None:
    klass = classroom.create_class(store, ALICE, "Week 3")
    profile = store.create_profile()
    with pytest.raises(names.InvalidName, match=reason):
        classroom.join(store, klass, profile, typed)
    assert classroom.members(store, klass.id) == []


@pytest.mark.parametrize(
    "name", ["[click](http://127.0.0.1:9/)", "<img src=x onerror=alert(1)>", '=HYPERLINK("http://x")', "Zoë 李 😀"]
)
def test_names_are_kept_exactly_as_typed(store: Store, name: str) -> None:
    klass = classroom.create_class(store, ALICE, name)
    profile = store.create_profile()
    classroom.join(store, klass, profile, name)
    assert classroom.owned_class(store, ALICE, klass.id).name == name
    assert [m.name for m in classroom.members(store, klass.id)] == [name]


def test_joining_again_renames_and_a_closed_or_full_class_refuses(store: Store, monkeypatch) -> None:
    klass = classroom.create_class(store, ALICE, "Week 3")
    ada, bea, cy = (store.create_profile() for _ in range(3))
    first = classroom.join(store, klass, ada, "Ada")
    again = classroom.join(store, klass, ada, "Ada L.")
    assert again.joined_at == first.joined_at
    assert [m.name for m in classroom.members(store, klass.id)] == ["Ada L."]
    monkeypatch.setattr(classroom, "MAX_MEMBERS", 2)
    classroom.join(store, klass, bea, "Bea")
    with pytest.raises(classroom.ClassroomError, match="full"):
        classroom.join(store, klass, cy, "Cy")
    classroom.close_class(store, ALICE, klass.id)
    closed = classroom.class_by_code(store, klass.code)
    assert not closed.is_open
    with pytest.raises(classroom.ClassroomError, match="closed"):
        classroom.join(store, closed, cy, "Cy")
    assert classroom.joined_classes(store, ada) == []  # a closed class no longer shows its exercises


def test_a_laptop_database_gains_the_class_tables(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    old = sqlite3.connect(path)
    old.executescript(f"BEGIN; {LAPTOP_SCHEMA_V1} PRAGMA user_version = 1; COMMIT;")
    old.execute("INSERT INTO profiles VALUES ('p-1', 0)")
    old.close()
    store = Store(path)
    with store._engine.connect() as conn:
        assert {"classes", "class_members", "class_exercises"} <= set(inspect(conn).get_table_names())
    klass = classroom.create_class(store, ALICE, "Week 3")
    classroom.join(store, klass, "p-1", "Ada")
    assert store.persistent and [m.name for m in classroom.members(store, klass.id)] == ["Ada"]
    store.close()


def _verdict(slug: str, status: Status, case: str = "", error: ErrorInfo | None = None) -> Verdict:
    cases = [CaseResult("case-1", True, Status.ACCEPTED)]
    if status is not Status.ACCEPTED:
        cases.append(CaseResult(case, True, status, message="no", error=error))
    passed = sum(c.passed for c in cases)
    return Verdict(slug, "submit", status, passed, len(cases), "", cases)


def _submit(store: Store, profile: str, verdict: Verdict) -> None:
    store.record_submission(
        profile, verdict.to_json(), "code", slug=verdict.slug, mode="submit",
        status=verdict.status.value, passed=verdict.passed, total=verdict.total,
    )  # fmt: skip


def test_thirty_students_leave_the_dashboard_correct(store: Store) -> None:
    klass = classroom.create_class(store, ALICE, "Thirty")
    classroom.set_exercises(store, ALICE, klass.id, SLUGS)
    outsider = store.create_profile()
    _submit(store, outsider, _verdict(SLUGS[0], Status.ACCEPTED))  # not in the class: never counted
    students = [store.create_profile() for _ in range(30)]
    shape_error = ErrorInfo("TypeError", "bad shape", 3, None, "", ["Wrong shape: reshape the batch"])
    expected = {}
    for n, profile in enumerate(students):
        classroom.join(store, klass, profile, f"Student {n:02d}")
        # 0-9 solve the first exercise, 10-19 fail it (then 10-14 solve it), 20-29 do nothing.
        if n < 10:
            _submit(store, profile, _verdict(SLUGS[0], Status.WRONG_ANSWER, "case-3"))
            _submit(store, profile, _verdict(SLUGS[0], Status.ACCEPTED))
            expected[(profile, SLUGS[0])] = dashboard.SOLVED
        elif n < 20:
            kind = Status.RUNTIME_ERROR if n % 2 else Status.WRONG_ANSWER
            _submit(store, profile, _verdict(SLUGS[0], kind, "case-2", shape_error if n % 2 else None))
            if n < 15:
                _submit(store, profile, _verdict(SLUGS[0], Status.ACCEPTED))
            expected[(profile, SLUGS[0])] = dashboard.SOLVED if n < 15 else dashboard.ATTEMPTED
        if n % 3 == 0:
            _submit(store, profile, _verdict(SLUGS[1], Status.TIME_LIMIT, "case-4"))
            expected[(profile, SLUGS[1])] = dashboard.ATTEMPTED

    started = time.perf_counter()
    members = classroom.members(store, klass.id)
    attempts = classroom.attempts(store, klass, SLUGS)
    status = dashboard.grid(members, SLUGS, attempts)
    stuck = {s.slug: s for s in dashboard.stuck(classroom.failures(store, klass, SLUGS), status, SLUGS)}
    board = dashboard.leaderboard(members, status, attempts)
    exported = dashboard.csv_text(members, SLUGS, attempts)
    elapsed = time.perf_counter() - started
    print(f"\ndashboard data for 30 students on {store.dialect}: {elapsed * 1000:.0f} ms")

    assert [m.name for m in members] == [f"Student {n:02d}" for n in range(30)]
    for profile in students:
        for slug in SLUGS:
            assert status[(profile, slug)] == expected.get((profile, slug), dashboard.NOT_STARTED), (profile, slug)
    assert dashboard.counts(status, SLUGS)[SLUGS[0]] == {"solved": 15, "attempted": 5, "not started": 10}
    first = stuck[SLUGS[0]]  # students 15-19: 15, 17, 19 raised TypeError, 16 and 18 answered wrong
    assert first.students == 5 and first.case == ("case-2", 5) and first.error == ("TypeError", 3)
    assert first.pitfall == ("Wrong shape", 3)
    assert stuck[SLUGS[1]].students == 10 and stuck[SLUGS[1]].error == ("Time limit", 10)
    assert stuck[SLUGS[2]].students == 0 and stuck[SLUGS[2]].case is None
    assert len(board) == 15 and board[0][1] == 1
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == 90 and sum(r["status"] == "solved" for r in rows) == 15
    assert sum(row["checks"] for row in dashboard.timeline(attempts)) == len(attempts) == 10 * 2 + 10 + 5 + 10
    assert elapsed < 2.0


def test_the_csv_export_cannot_run_formulas() -> None:
    members = [dashboard.Member("p1", '=HYPERLINK("http://x","y")', 0.0), dashboard.Member("p2", "@SUM(1)", 0.0)]
    rows = list(csv.reader(io.StringIO(dashboard.csv_text(members, ["ex"], []))))
    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://x","y")', "'@SUM(1)"]


@pytest.mark.parametrize("stored", ["", "not json", "[]", '{"cases": 5}', '{"cases": [{"status": "wrong_answer"}]}'])
def test_an_unreadable_stored_verdict_says_nothing(stored: str) -> None:
    case, kind, pitfall = dashboard.failure_of(hash(stored), stored)
    assert case is None and pitfall is None
