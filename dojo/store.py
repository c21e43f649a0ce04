"""Drafts, submissions and progress, one profile per visitor, in SQLite or a database server."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import URL, Connection, Engine, and_, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from dojo.database import DatabaseURLError, parse_url, server_engine, shown, sqlite_engine
from dojo.schema import SchemaError, drafts, migrate, profiles, submissions

DB_NAME = "nnx-dojo.sqlite3"
MAX_DRAFT_CHARS = 200_000
UNSAVED = "Your latest change could not be saved"
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}  # each has on_conflict_do_*
T = TypeVar("T")
# How psycopg words a connection that could not be opened.
_UNREACHABLE = ("connection failed", "connection to server", "could not connect", "server closed the connection")


def default_data_dir() -> Path:
    """NNX_DOJO_DATA_DIR, else the user's data directory (XDG_DATA_HOME or ~/.local/share)."""
    if os.environ.get("NNX_DOJO_DATA_DIR"):
        return Path(os.environ["NNX_DOJO_DATA_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "nnx-dojo"


PROFILE_ID_BYTES = 16  # 128 bits of randomness


def new_profile_id() -> str:
    """An unguessable anonymous profile id (22 URL-safe characters)."""
    return secrets.token_urlsafe(PROFILE_ID_BYTES)


@dataclass(frozen=True)
class Submission:
    """One row of the submission history."""

    id: int
    slug: str
    mode: str
    status: str
    passed: int
    total: int
    created_at: float


class Store:
    """Thread-safe access to the progress database.

    With no URL (or a sqlite:// one) it is the SQLite file, which falls back to memory with a
    notice when the disk cannot be used. With a server URL (PostgreSQL) nothing falls back: a
    database that cannot be reached raises StorageError, and the next page load tries again.
    """

    def __init__(self, path: Path | None = None, *, url: str | URL | None = None) -> None:
        self.notice = ""  # a message for the user about how storage is working
        self._failed_write = ""  # the notice a failed write left, cleared by the next write that works
        self._lock = threading.RLock()
        try:
            parsed = parse_url(url, "the database URL") if isinstance(url, str) else url
        except DatabaseURLError as exc:
            raise StorageError(str(exc)) from None
        if parsed is not None and parsed.get_backend_name() != "sqlite":
            self.path = None
            self.location = shown(parsed)
            self._serial: contextlib.AbstractContextManager = contextlib.nullcontext()  # the server serialises
            self._engine = self._open_server(parsed)
        else:
            self.path = Path(parsed.database) if parsed is not None and parsed.database else path
            self.path = self.path or default_data_dir() / DB_NAME
            self.location = str(self.path)
            self._serial = self._lock  # one shared SQLite connection
            self._engine = self._open_sqlite()
        self._insert = _INSERTS[self._engine.dialect.name]

    @property
    def persistent(self) -> bool:
        """False when progress only lives in memory for this server run."""
        return not self.notice.startswith("Progress is not being saved")

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._engine.dialect.name

    # Opening ------------------------------------------------------------------

    def _open_server(self, url: URL) -> Engine:
        engine = server_engine(url)
        for attempt in (1, 2):
            try:
                with engine.begin() as conn:
                    migrate(conn)
                return engine
            except DBAPIError as exc:
                if attempt == 1 and _is_disconnect(exc):
                    continue
                engine.dispose()
                raise StorageError(self._unreachable(exc, writing=False)) from exc
            except (SchemaError, SQLAlchemyError) as exc:
                engine.dispose()
                raise StorageError(f"The progress database ({self.location}) cannot be used: {exc}") from exc
        raise AssertionError("unreachable")

    def _open_sqlite(self) -> Engine:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._sqlite_ready(self.path)
        except (DBAPIError, _Damaged) as exc:
            if not (isinstance(exc, _Damaged) or _is_corruption(exc)):
                return self._in_memory(exc)
            moved = self._move_aside()
            self.notice = (
                f"The progress database was damaged ({_reason(exc)}); it was moved to {moved.name} "
                "and a new one started."
            )
            try:
                return self._sqlite_ready(self.path)
            except (OSError, SQLAlchemyError, SchemaError) as again:
                return self._in_memory(again)
        except (OSError, SQLAlchemyError, SchemaError) as exc:
            return self._in_memory(exc)

    @staticmethod
    def _sqlite_ready(path: Path | None) -> Engine:
        engine = sqlite_engine(path)
        try:
            with engine.begin() as conn:
                if path is not None:
                    check = conn.exec_driver_sql("PRAGMA quick_check").scalar()
                    if check != "ok":
                        raise _Damaged(f"integrity check failed: {check}")
                migrate(conn)
        except BaseException:
            engine.dispose()
            raise
        return engine

    def _in_memory(self, exc: BaseException) -> Engine:
        reason = getattr(exc, "strerror", None) or _reason(exc)
        self.notice = (
            f"Progress is not being saved to disk ({self.path.parent}: {reason}). "
            "Everything still works, but it will be forgotten when the server restarts."
        )
        return self._sqlite_ready(None)

    def _move_aside(self) -> Path:
        target = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                source.replace(Path(str(target) + suffix))
        return target

    # Running statements -------------------------------------------------------

    def _run(self, work: Callable[[Connection], T], *, writing: bool) -> T:
        """Run work in one transaction (committed when this returns); a dropped connection is retried once."""
        for attempt in (1, 2):
            try:
                with self._serial, self._engine.begin() as conn:
                    result = work(conn)
                break
            except DBAPIError as exc:
                if attempt == 1 and _is_disconnect(exc):
                    continue
                raise self._failure(exc, writing) from exc
            except SQLAlchemyError as exc:
                raise self._failure(exc, writing) from exc
        if writing and self.notice == self._failed_write:
            self.notice = ""  # saving works again
        return result

    def run(self, work: Callable[[Connection], T], *, writing: bool) -> T:
        """Run `work(conn)` in one transaction, for modules with tables of their own (e.g. classes).

        Failures become a StorageError with a message for the user, exactly as for the store's own methods.
        """
        return self._run(work, writing=writing)

    def ensure_profile_in(self, conn: Connection, profile_id: str) -> None:
        """Create the profile if needed inside the caller's transaction (see `run`)."""
        self._ensure(conn, profile_id)

    def _failure(self, exc: SQLAlchemyError, writing: bool) -> StorageError:
        if isinstance(exc, DBAPIError) and _is_disconnect(exc):
            message = self._unreachable(exc, writing)
        elif writing:
            message = f"{UNSAVED} ({_reason(exc)}). Copy your code somewhere safe."
        else:
            message = f"Your progress could not be read ({_reason(exc)}). Try again in a moment."
        if writing:
            self.notice = self._failed_write = message
        return StorageError(message)

    def _unreachable(self, exc: DBAPIError, writing: bool) -> str:
        then = (
            "Your latest change was not saved: copy your code somewhere safe." if writing else "Try again in a moment."
        )
        return f"The progress database cannot be reached ({self.location}: {_reason(exc)}). {then}"

    # Profiles -----------------------------------------------------------------

    def _ensure(self, conn: Connection, profile_id: str) -> None:
        statement = self._insert(profiles).values(id=profile_id, created_at=time.time())
        conn.execute(statement.on_conflict_do_nothing(index_elements=[profiles.c.id]))

    def ensure_profile(self, profile_id: str) -> None:
        """Create the profile if it does not exist yet."""
        self._run(lambda conn: self._ensure(conn, profile_id), writing=True)

    def create_profile(self) -> str:
        """A new profile with a freshly generated id; only ids made here are ever honoured."""
        profile_id = new_profile_id()
        with contextlib.suppress(StorageError):  # a full disk still gets a working session
            self.ensure_profile(profile_id)
        return profile_id

    def profile_exists(self, profile_id: str) -> bool:
        """True when this id was generated by the app (and so is in the profiles table)."""
        query = select(profiles.c.id).where(profiles.c.id == profile_id)
        return self._run(lambda conn: conn.execute(query).first() is not None, writing=False)

    # Drafts -------------------------------------------------------------------

    def save_draft(self, profile_id: str, slug: str, code: str) -> None:
        """Store the latest code for one exercise; once this returns, the draft is committed."""
        if len(code) > MAX_DRAFT_CHARS:
            raise StorageError(f"the code is longer than {MAX_DRAFT_CHARS} characters and was not saved")
        upsert = self._insert(drafts).values(profile_id=profile_id, slug=slug, code=code, updated_at=time.time())
        upsert = upsert.on_conflict_do_update(
            index_elements=[drafts.c.profile_id, drafts.c.slug],
            set_={"code": upsert.excluded.code, "updated_at": upsert.excluded.updated_at},
        )

        def work(conn: Connection) -> None:
            self._ensure(conn, profile_id)
            conn.execute(upsert)

        self._run(work, writing=True)

    def load_draft(self, profile_id: str, slug: str) -> str | None:
        """The saved code, or None when there is no draft."""
        query = select(drafts.c.code).where(drafts.c.profile_id == profile_id, drafts.c.slug == slug)
        return self._run(lambda conn: conn.execute(query).scalar(), writing=False)

    def delete_draft(self, profile_id: str, slug: str) -> None:
        """Forget the draft of one exercise."""
        statement = delete(drafts).where(drafts.c.profile_id == profile_id, drafts.c.slug == slug)
        self._run(lambda conn: conn.execute(statement), writing=True)

    # Submissions and progress -------------------------------------------------

    def record_submission(
        self,
        profile_id: str,
        verdict_json: str,
        code: str,
        *,
        slug: str,
        mode: str,
        status: str,
        passed: int,
        total: int,
    ) -> None:
        """Append a checked submission to the history."""
        row = {
            "profile_id": profile_id,
            "slug": slug,
            "mode": mode,
            "status": status,
            "passed": passed,
            "total": total,
            "created_at": time.time(),
            "code": code,
            "verdict_json": verdict_json,
        }

        def work(conn: Connection) -> None:
            self._ensure(conn, profile_id)
            conn.execute(submissions.insert().values(**row))

        self._run(work, writing=True)

    def history(self, profile_id: str, limit: int = 500) -> list[Submission]:
        """Most recent submissions first."""
        s = submissions.c
        query = (
            select(s.id, s.slug, s.mode, s.status, s.passed, s.total, s.created_at)
            .where(s.profile_id == profile_id)
            .order_by(s.created_at.desc(), s.id.desc())
            .limit(limit)
        )
        return self._run(lambda conn: [Submission(*row) for row in conn.execute(query)], writing=False)

    def progress(self, profile_id: str) -> dict[str, str]:
        """Status per exercise slug: 'solved' (an accepted submit) or 'attempted'."""
        s = submissions.c
        solved = func.max(case((and_(s.mode == "submit", s.status == "accepted"), 1), else_=0))
        query = select(s.slug, solved).where(s.profile_id == profile_id).group_by(s.slug)
        rows = self._run(lambda conn: conn.execute(query).all(), writing=False)
        return {slug: "solved" if done else "attempted" for slug, done in rows}

    def history_csv(self, profile_id: str) -> str:
        """The submission history as CSV text."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["time_utc", "exercise", "mode", "verdict", "passed", "total"])
        for row in self.history(profile_id, limit=100_000):
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(row.created_at))
            writer.writerow([stamp, row.slug, row.mode, row.status, row.passed, row.total])
        return out.getvalue()

    def reset_progress(self, profile_id: str) -> None:
        """Delete this profile's submissions and drafts (together or not at all)."""

        def work(conn: Connection) -> None:
            conn.execute(delete(submissions).where(submissions.c.profile_id == profile_id))
            conn.execute(delete(drafts).where(drafts.c.profile_id == profile_id))

        self._run(work, writing=True)

    def close(self) -> None:
        """Close every connection."""
        with self._serial:
            self._engine.dispose()


class StorageError(Exception):
    """A read or write that did not reach the database; the message is meant for the user."""


class _Damaged(Exception):
    """The SQLite file opened but failed its integrity check."""


def _is_disconnect(exc: DBAPIError) -> bool:
    # A connection the server dropped, or one that could not be opened (server down or restarting).
    return exc.connection_invalidated or _reason(exc).lower().startswith(_UNREACHABLE)


def _is_corruption(exc: DBAPIError) -> bool:
    text = _reason(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text or "integrity" in text


def _reason(exc: BaseException) -> str:
    """The driver's own message, first line only (SQLAlchemy's wrapper adds the SQL and a link)."""
    orig = getattr(exc, "orig", None)
    lines = str(orig if orig is not None else exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
