"""SQLite storage for drafts, submissions and progress, one profile per visitor."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1
DB_NAME = "nnx-dojo.sqlite3"
MAX_DRAFT_CHARS = 200_000

_MIGRATIONS = {
    1: """
        CREATE TABLE profiles (
            id TEXT PRIMARY KEY,
            created_at REAL NOT NULL
        );
        CREATE TABLE drafts (
            profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            slug TEXT NOT NULL,
            code TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (profile_id, slug)
        );
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            slug TEXT NOT NULL,
            mode TEXT NOT NULL,
            status TEXT NOT NULL,
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            created_at REAL NOT NULL,
            code TEXT NOT NULL,
            verdict_json TEXT NOT NULL
        );
        CREATE INDEX submissions_by_profile ON submissions(profile_id, created_at);
    """,
}


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
    """Thread-safe access to the database; falls back to memory when the disk cannot be used."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_data_dir() / DB_NAME
        self.notice = ""  # a message for the user about how storage is working
        self._lock = threading.RLock()
        self._db = self._open()

    @property
    def persistent(self) -> bool:
        """False when progress only lives in memory for this server run."""
        return not self.notice.startswith("Progress is not being saved")

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = self._connect(str(self.path))
        except sqlite3.DatabaseError as exc:
            if not self._is_corruption(exc):
                return self._in_memory(exc)
            moved = self._move_aside()
            self.notice = (
                f"The progress database was damaged ({exc}); it was moved to {moved.name} and a new one started."
            )
            try:
                db = self._connect(str(self.path))
            except (OSError, sqlite3.Error) as again:
                return self._in_memory(again)
        except OSError as exc:
            return self._in_memory(exc)
        return db

    def _in_memory(self, exc: BaseException) -> sqlite3.Connection:
        reason = getattr(exc, "strerror", None) or str(exc)
        self.notice = (
            f"Progress is not being saved to disk ({self.path.parent}: {reason}). "
            "Everything still works, but it will be forgotten when the server restarts."
        )
        return self._connect(":memory:")

    @staticmethod
    def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
        text = str(exc).lower()
        return "not a database" in text or "malformed" in text or "corrupt" in text or "integrity" in text

    def _move_aside(self) -> Path:
        target = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                source.replace(Path(str(target) + suffix))
        return target

    def _connect(self, target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, check_same_thread=False, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            if target != ":memory:":
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                check = db.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            self._migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"database schema {version} is newer than this app ({SCHEMA_VERSION})")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            db.executescript(f"BEGIN; {_MIGRATIONS[target]} PRAGMA user_version = {target}; COMMIT;")

    def _write(self, sql: str, params: tuple = ()) -> None:
        """Run one write; a full or failing disk turns into a notice, never an exception."""
        with self._lock:
            try:
                self._db.execute(sql, params)
            except sqlite3.OperationalError as exc:
                self.notice = f"Your latest change could not be saved ({exc}). Copy your code somewhere safe."
                raise StorageError(self.notice) from exc

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # Profiles -----------------------------------------------------------------

    def ensure_profile(self, profile_id: str) -> None:
        """Create the profile if it does not exist yet."""
        self._write("INSERT OR IGNORE INTO profiles (id, created_at) VALUES (?, ?)", (profile_id, time.time()))

    def create_profile(self) -> str:
        """A new profile with a freshly generated id; only ids made here are ever honoured."""
        profile_id = new_profile_id()
        with contextlib.suppress(StorageError):  # a full disk still gets a working session
            self.ensure_profile(profile_id)
        return profile_id

    def profile_exists(self, profile_id: str) -> bool:
        """True when this id was generated by the app (and so is in the profiles table)."""
        return bool(self._read("SELECT 1 FROM profiles WHERE id = ?", (profile_id,)))

    # Drafts -------------------------------------------------------------------

    def save_draft(self, profile_id: str, slug: str, code: str) -> None:
        """Store the latest code for one exercise."""
        if len(code) > MAX_DRAFT_CHARS:
            raise StorageError(f"the code is longer than {MAX_DRAFT_CHARS} characters and was not saved")
        self.ensure_profile(profile_id)
        self._write(
            "INSERT INTO drafts (profile_id, slug, code, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (profile_id, slug) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at",
            (profile_id, slug, code, time.time()),
        )

    def load_draft(self, profile_id: str, slug: str) -> str | None:
        """The saved code, or None when there is no draft."""
        rows = self._read("SELECT code FROM drafts WHERE profile_id = ? AND slug = ?", (profile_id, slug))
        return rows[0][0] if rows else None

    def delete_draft(self, profile_id: str, slug: str) -> None:
        """Forget the draft of one exercise."""
        self._write("DELETE FROM drafts WHERE profile_id = ? AND slug = ?", (profile_id, slug))

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
        self.ensure_profile(profile_id)
        self._write(
            "INSERT INTO submissions (profile_id, slug, mode, status, passed, total, created_at, code, verdict_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (profile_id, slug, mode, status, passed, total, time.time(), code, verdict_json),
        )

    def history(self, profile_id: str, limit: int = 500) -> list[Submission]:
        """Most recent submissions first."""
        rows = self._read(
            "SELECT id, slug, mode, status, passed, total, created_at FROM submissions "
            "WHERE profile_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
            (profile_id, limit),
        )
        return [Submission(*row) for row in rows]

    def progress(self, profile_id: str) -> dict[str, str]:
        """Status per exercise slug: 'solved' (an accepted submit) or 'attempted'."""
        status: dict[str, str] = {}
        for slug, solved in self._read(
            "SELECT slug, MAX(mode = 'submit' AND status = 'accepted') FROM submissions "
            "WHERE profile_id = ? GROUP BY slug",
            (profile_id,),
        ):
            status[slug] = "solved" if solved else "attempted"
        return status

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
        """Delete this profile's submissions and drafts."""
        with self._lock:
            self._write("DELETE FROM submissions WHERE profile_id = ?", (profile_id,))
            self._write("DELETE FROM drafts WHERE profile_id = ?", (profile_id,))

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()


class StorageError(Exception):
    """A write that could not be saved; the message is meant for the user."""
