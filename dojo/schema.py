"""The progress database's tables (SQLAlchemy Core) and the migrations that run on start."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    TypeDecorator,
    inspect,
    select,
    text,
)

# Marks a value stored in its escaped form; a noncharacter, so typed text practically never starts with it.
ESCAPED = "\ufdd0json:"


class SafeText(TypeDecorator):
    """Text that round-trips any Python string, NUL characters and lone surrogates included.

    PostgreSQL refuses NUL in text, and no driver can encode a lone surrogate as UTF-8: such a
    value (or one that starts with the marker) is stored as the marker and its ASCII JSON form.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: object) -> str | None:
        if value is None or not _needs_escape(value):
            return value
        return ESCAPED + json.dumps(value)

    def process_result_value(self, value: str | None, dialect: object) -> str | None:
        if value is not None and value.startswith(ESCAPED):
            return json.loads(value[len(ESCAPED) :])
        return value


def _needs_escape(value: str) -> bool:
    if "\x00" in value or value.startswith(ESCAPED):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return False


metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

profiles = Table(
    "profiles",
    metadata,
    Column("id", SafeText, primary_key=True),
    Column("created_at", Float, nullable=False),
)

drafts = Table(
    "drafts",
    metadata,
    Column("profile_id", SafeText, ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True),
    Column("slug", SafeText, primary_key=True),
    Column("code", SafeText, nullable=False),
    Column("updated_at", Float, nullable=False),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("profile_id", SafeText, ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("slug", SafeText, nullable=False),
    Column("mode", SafeText, nullable=False),
    Column("status", SafeText, nullable=False),
    Column("passed", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("code", SafeText, nullable=False),
    Column("verdict_json", SafeText, nullable=False),
    Index("submissions_by_profile", "profile_id", "created_at"),
    sqlite_autoincrement=True,
)

# Version 2: classes. Owner is a hash of the teacher's key or signed-in address, never the key.
classes = Table(
    "classes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", SafeText, nullable=False, unique=True),
    Column("owner", SafeText, nullable=False),
    Column("name", SafeText, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("closed_at", Float, nullable=True),
    Index("classes_by_owner", "owner", "created_at"),
    sqlite_autoincrement=True,
)

class_exercises = Table(
    "class_exercises",
    metadata,
    Column("class_id", Integer, ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True),
    Column("slug", SafeText, primary_key=True),
    Column("position", Integer, nullable=False),
)

class_members = Table(
    "class_members",
    metadata,
    Column("class_id", Integer, ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True),
    Column("profile_id", SafeText, ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True),
    Column("name", SafeText, nullable=False),
    Column("joined_at", Float, nullable=False),
    Index("class_members_by_profile", "profile_id"),
)

# Version 1 is the baseline: profiles, drafts, submissions. A new version is one entry here that
# brings a database of the previous version up to it (new tables: `metadata.create_all(conn,
# tables=[...])`); a fresh database is created whole from `metadata` and stamped with the latest.
# An upgrade uses the table definitions above, so when a later version changes a table that an
# earlier upgrade created, that earlier upgrade must spell out the table as it was then.
UPGRADES: dict[int, Callable[[Connection], None]] = {
    2: lambda conn: metadata.create_all(conn, tables=[classes, class_exercises, class_members]),
}
SCHEMA_VERSION = max(UPGRADES, default=1)

_MIGRATION_LOCK = 0x6E6E78646F6A6F  # any constant: serialises app processes migrating one PostgreSQL database


class SchemaError(Exception):
    """The database was made by a newer version of the app."""


def migrate(conn: Connection, upgrades: dict[int, Callable[[Connection], None]] | None = None) -> int:
    """Bring the database up to date inside the caller's transaction; returns the version reached."""
    upgrades = UPGRADES if upgrades is None else upgrades
    latest = max(upgrades, default=1)
    if conn.dialect.name == "postgresql":
        conn.execute(select(text(f"pg_advisory_xact_lock({_MIGRATION_LOCK})")))
    version = current_version(conn)
    if version is None:
        metadata.create_all(conn)
        _stamp(conn, latest, first=True)
        return latest
    if version > latest:
        raise SchemaError(f"the database schema is version {version}, newer than this app's {latest}")
    for target in range(version + 1, latest + 1):
        upgrades[target](conn)
        _stamp(conn, target)
    return latest


def current_version(conn: Connection) -> int | None:
    """The schema version, or None for a database that holds none of the app's tables."""
    tables = inspect(conn).get_table_names()
    if "schema_version" in tables:
        return conn.execute(select(schema_version.c.version)).scalar_one()
    if "profiles" not in tables:
        return None
    # A file made before the schema_version table: its tables are version 1 (PRAGMA user_version = 1).
    schema_version.create(conn)
    conn.execute(schema_version.insert().values(version=1))
    return 1


def _stamp(conn: Connection, version: int, *, first: bool = False) -> None:
    if first:
        conn.execute(schema_version.delete())
        conn.execute(schema_version.insert().values(version=version))
    else:
        conn.execute(schema_version.update().values(version=version))
    if conn.dialect.name == "sqlite":  # an older app reads this and declines a newer file rather than misuse it
        conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
