"""The store on SQLite and on a real PostgreSQL: privacy, migrations, durability, failures, hostile text."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, Table, event, inspect, select

from dojo.schema import ESCAPED, SCHEMA_VERSION, metadata, migrate, schema_version
from dojo.store import DB_NAME, MAX_DRAFT_CHARS, StorageError, Store
from tests.conftest import PROJECT_ROOT
from tests.postgres import PostgresServer

PROFILE = "p-12345678"
Opener = Callable[[], Store]


@pytest.fixture(params=["sqlite", "postgresql"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """Opens a Store on one database (the same one each call), SQLite file or PostgreSQL."""
    target = {"path": tmp_path / DB_NAME}
    if request.param == "postgresql":
        target = {"url": request.getfixturevalue("postgres_url")}
    opened: list[Store] = []

    def opener() -> Store:
        opened.append(Store(**target))
        return opened[-1]

    yield opener
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: Opener) -> Store:
    return open_store()


@pytest.fixture
def pg_store(postgres_url: str) -> Iterator[Store]:
    opened = Store(url=postgres_url)
    yield opened
    opened.close()


def test_drafts_and_history_are_private_to_a_profile(store: Store) -> None:
    store.save_draft("alice-profile", "ex", "alice's code")
    store.record_submission(
        "alice-profile", "{}", "code", slug="ex", mode="submit", status="accepted", passed=6, total=6
    )
    assert store.load_draft("bob-profile00", "ex") is None
    assert store.history("bob-profile00") == []
    assert store.progress("bob-profile00") == {}
    assert not store.profile_exists("bob-profile00") and store.profile_exists("alice-profile")
    assert store.load_draft("alice-profile", "ex") == "alice's code"
    assert store.progress("alice-profile") == {"ex": "solved"}


def test_progress_distinguishes_attempted_from_solved(store: Store) -> None:
    store.record_submission(PROFILE, "{}", "c", slug="a", mode="run", status="accepted", passed=2, total=2)
    store.record_submission(PROFILE, "{}", "c", slug="b", mode="submit", status="wrong_answer", passed=1, total=6)
    store.record_submission(PROFILE, "{}", "c", slug="c", mode="submit", status="wrong_answer", passed=1, total=6)
    store.record_submission(PROFILE, "{}", "c", slug="c", mode="submit", status="accepted", passed=6, total=6)
    assert store.progress(PROFILE) == {"a": "attempted", "b": "attempted", "c": "solved"}
    assert [row.slug for row in store.history(PROFILE)] == ["c", "c", "b", "a"]
    assert store.history_csv(PROFILE).splitlines()[0] == "time_utc,exercise,mode,verdict,passed,total"
    store.save_draft(PROFILE, "a", "draft")
    store.reset_progress(PROFILE)
    assert store.history(PROFILE) == [] and store.load_draft(PROFILE, "a") is None


def test_drafts_are_replaced_and_deleted(store: Store) -> None:
    store.save_draft(PROFILE, "ex", "first")
    store.save_draft(PROFILE, "ex", "second")
    assert store.load_draft(PROFILE, "ex") == "second"
    store.delete_draft(PROFILE, "ex")
    assert store.load_draft(PROFILE, "ex") is None
    with pytest.raises(StorageError, match="longer than"):
        store.save_draft(PROFILE, "ex", "x" * (MAX_DRAFT_CHARS + 1))


def test_schema_is_versioned_and_survives_reopening(open_store: Opener) -> None:
    first = open_store()
    first.save_draft(PROFILE, "ex", "kept")
    first.close()
    second = open_store()
    with second._engine.connect() as conn:
        assert conn.execute(select(schema_version.c.version)).scalars().all() == [SCHEMA_VERSION]
    assert second.load_draft(PROFILE, "ex") == "kept"


def test_an_added_migration_runs_once_and_an_older_app_declines_the_newer_database(open_store: Opener) -> None:
    store = open_store()
    store.save_draft(PROFILE, "ex", "kept through the upgrade")
    future = Table("future_table", metadata.__class__(), Column("id", Integer, primary_key=True))
    calls = []

    def add_future_table(conn) -> None:
        calls.append(1)
        future.create(conn)

    upgrades = {SCHEMA_VERSION + 1: add_future_table}
    for _ in range(2):
        with store._engine.begin() as conn:
            assert migrate(conn, upgrades) == SCHEMA_VERSION + 1
    assert calls == [1]
    with store._engine.connect() as conn:
        assert "future_table" in inspect(conn).get_table_names()
    assert store.load_draft(PROFILE, "ex") == "kept through the upgrade"
    store.close()
    if store.dialect == "sqlite":  # the file is left alone; this run keeps progress in memory
        older = open_store()
        assert not older.persistent and "newer than this app" in older.notice
    else:
        with pytest.raises(StorageError, match="newer than this app"):
            open_store()


# The whole schema of the app's SQLite file before the schema_version table (PRAGMA user_version = 1).
LAPTOP_SCHEMA_V1 = """
    CREATE TABLE profiles (id TEXT PRIMARY KEY, created_at REAL NOT NULL);
    CREATE TABLE drafts (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        slug TEXT NOT NULL, code TEXT NOT NULL, updated_at REAL NOT NULL,
        PRIMARY KEY (profile_id, slug)
    );
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        slug TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL, passed INTEGER NOT NULL,
        total INTEGER NOT NULL, created_at REAL NOT NULL, code TEXT NOT NULL, verdict_json TEXT NOT NULL
    );
    CREATE INDEX submissions_by_profile ON submissions(profile_id, created_at);
"""


def test_a_laptop_file_of_the_first_format_is_adopted_whole(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    old = sqlite3.connect(path, isolation_level=None)
    old.executescript(f"BEGIN; {LAPTOP_SCHEMA_V1} PRAGMA user_version = 1; COMMIT;")
    old.execute("PRAGMA journal_mode = WAL")
    old.execute("INSERT INTO profiles VALUES (?, ?)", (PROFILE, 1700000000.0))
    old.execute("INSERT INTO drafts VALUES (?, 'ex', 'old draft', 1700000001.0)", (PROFILE,))
    for n, status in enumerate(["wrong_answer", "accepted"]):
        old.execute(
            "INSERT INTO submissions (profile_id, slug, mode, status, passed, total, created_at, code, verdict_json)"
            " VALUES (?, 'ex', 'submit', ?, 3, 6, ?, 'code', '{}')",
            (PROFILE, status, 1700000002.0 + n),
        )
    old.close()
    store = Store(path)
    assert store.notice == "" and store.persistent
    assert store.profile_exists(PROFILE)
    assert store.load_draft(PROFILE, "ex") == "old draft"
    assert [(h.id, h.status) for h in store.history(PROFILE)] == [(2, "accepted"), (1, "wrong_answer")]
    assert store.progress(PROFILE) == {"ex": "solved"}
    store.record_submission(PROFILE, "{}", "new", slug="ex", mode="run", status="accepted", passed=1, total=1)
    assert store.history(PROFILE)[0].id == 3
    store.close()
    reopened = sqlite3.connect(path)
    assert reopened.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert reopened.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    reopened.close()


def test_corrupt_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not a database" * 100)
    store = Store(path)
    assert "damaged" in store.notice and ".corrupt-" in store.notice
    store.save_draft(PROFILE, "ex", "fresh start")
    assert store.load_draft(PROFILE, "ex") == "fresh start"
    assert list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))
    store.close()


def test_unwritable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    store = Store(blocker / "data" / DB_NAME)
    assert not store.persistent and "not being saved" in store.notice
    store.save_draft(PROFILE, "ex", "still works")
    assert store.load_draft(PROFILE, "ex") == "still works"


def test_full_sqlite_disk_is_a_clear_error_and_keeps_what_was_saved(tmp_path: Path) -> None:
    store = Store(tmp_path / DB_NAME)
    store.save_draft(PROFILE, "ex", "small")
    with store._engine.connect() as conn:  # the one shared connection: cap the file at its current size
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match="could not be saved"):
        store.save_draft(PROFILE, "other", "x" * 100_000)
    assert "could not be saved" in store.notice
    assert store.load_draft(PROFILE, "ex") == "small"
    store.save_draft(PROFILE, "ex", "smaller")  # room again for a small change: the notice goes
    assert store.notice == ""
    store.close()


def test_full_postgresql_database_is_a_clear_error_and_keeps_what_was_saved(
    pg_store: Store, postgres_server: PostgresServer
) -> None:
    pg_store.save_draft(PROFILE, "ex", "acknowledged")
    database = pg_store._engine.url.database
    # The server's own "disk full" error (SQLSTATE 53100) on every further write of a draft.
    postgres_server.execute(
        "CREATE FUNCTION no_space() RETURNS trigger LANGUAGE plpgsql AS "
        "$$BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END$$",
        database,
    )
    postgres_server.execute(
        "CREATE TRIGGER no_space BEFORE INSERT OR UPDATE ON drafts EXECUTE FUNCTION no_space()", database
    )
    with pytest.raises(StorageError, match="could not be saved .*No space left on device"):
        pg_store.save_draft(PROFILE, "ex", "this one is not acknowledged")
    assert "could not be saved" in pg_store.notice
    assert pg_store.load_draft(PROFILE, "ex") == "acknowledged"


def test_acknowledged_drafts_survive_sigkill(open_store: Opener, tmp_path: Path) -> None:
    store = open_store()
    target = f"url={store._engine.url.render_as_string(hide_password=False)!r}"
    if store.dialect == "sqlite":
        target = f"Path({str(store.path)!r})"
    writer = (
        "from pathlib import Path\nfrom dojo.store import Store\n"
        f"store = Store({target})\n"
        "for n in range(100000):\n"
        f"    store.save_draft({PROFILE!r}, 'ex', f'version {{n}}')\n"
        "    print(n, flush=True)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", writer], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    acknowledged = -1
    for line in process.stdout:
        acknowledged = int(line)
        if acknowledged >= 200:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    store.close()
    saved = int(open_store().load_draft(PROFILE, "ex").split()[1])
    assert saved >= acknowledged


HOSTILE = [
    "nul \x00 in the middle\x00",
    "lone surrogates \ud800 and \udfff",
    ESCAPED + '"looks escaped already"',
    ESCAPED,
    "emoji 🥋 and RTL \u202e and a BOM \ufeff",
    "",
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_round_trips_in_every_column(store: Store, value: str) -> None:
    profile = "hostile " + value
    store.save_draft(profile, value, value)
    store.record_submission(profile, value, value, slug=value, mode=value, status=value, passed=0, total=1)
    assert store.profile_exists(profile)
    assert store.load_draft(profile, value) == value
    [row] = store.history(profile)
    assert (row.slug, row.mode, row.status) == (value, value, value)
    assert store.progress(profile) == {value: "attempted"}
    if "\x00" in value:  # nothing cut the id short at the NUL, as a C string would
        assert not store.profile_exists(profile.split("\x00")[0])


def test_any_text_round_trips_as_a_draft(store: Store) -> None:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(alphabet=st.characters(codec=None), max_size=50))
    def round_trip(code: str) -> None:
        store.save_draft(PROFILE, "ex", code)
        assert store.load_draft(PROFILE, "ex") == code

    round_trip()


def _backend_pids(server: PostgresServer, database: str) -> list[int]:
    rows = server.execute(f"SELECT pid FROM pg_stat_activity WHERE datname = '{database}'")
    return [pid for (pid,) in rows]


def test_connections_dropped_between_requests_are_replaced(pg_store: Store, postgres_server: PostgresServer) -> None:
    pg_store.save_draft(PROFILE, "ex", "before")
    database = pg_store._engine.url.database
    assert _backend_pids(postgres_server, database)  # the pool keeps its connection open
    postgres_server.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'")
    pg_store.save_draft(PROFILE, "ex", "after")
    assert pg_store.load_draft(PROFILE, "ex") == "after"


def test_a_connection_dropped_mid_statement_is_retried_once(pg_store: Store, postgres_server: PostgresServer) -> None:
    pg_store.save_draft(PROFILE, "ex", "before")
    dropped = []

    @event.listens_for(pg_store._engine, "before_cursor_execute")
    def drop_once(conn, cursor, statement, parameters, context, executemany) -> None:
        if "drafts" in statement and not dropped:
            pid = conn.connection.dbapi_connection.info.backend_pid
            dropped.append(pid)
            postgres_server.execute(f"SELECT pg_terminate_backend({pid})")

    pg_store.save_draft(PROFILE, "ex", "after the drop")
    assert dropped
    assert pg_store.load_draft(PROFILE, "ex") == "after the drop"
    assert pg_store.notice == ""


def test_a_database_that_is_down_is_a_clear_error_and_comes_back(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    with_password = postgres_url.replace("postgres@", "postgres:s3cret-pw@")
    store = Store(url=with_password)
    store.save_draft(PROFILE, "ex", "acknowledged")
    postgres_server.stop()
    try:
        with pytest.raises(StorageError, match="cannot be reached") as failure:
            store.save_draft(PROFILE, "ex", "not acknowledged")
        assert "Your latest change was not saved" in str(failure.value) and "***" in str(failure.value)
        assert "s3cret-pw" not in str(failure.value) and "s3cret-pw" not in store.notice
        with pytest.raises(StorageError, match="cannot be reached.*Try again"):
            store.load_draft(PROFILE, "ex")
        with pytest.raises(StorageError, match="cannot be reached") as at_start:
            Store(url=with_password)
        assert "s3cret-pw" not in str(at_start.value)
    finally:
        postgres_server.start()
    assert store.load_draft(PROFILE, "ex") == "acknowledged"
    store.save_draft(PROFILE, "ex", "saved again")
    assert store.notice == ""
    store.close()


def test_first_start_of_two_app_processes_migrates_once(postgres_url: str) -> None:
    opened: list[Store] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(Store(url=postgres_url))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(opened) == 3
    with opened[0]._engine.connect() as conn:
        assert conn.execute(select(schema_version.c.version)).scalars().all() == [SCHEMA_VERSION]
    for store in opened:
        store.close()
