"""Which database holds progress, and SQLAlchemy engines for it: the SQLite file, memory, or a URL."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

DATABASE_URL_VAR = "NNX_DOJO_DATABASE_URL"
SECRETS_CONNECTION = "nnx_dojo"  # [connections.nnx_dojo] in .streamlit/secrets.toml, as st.connection reads it
SUPPORTED = ("sqlite", "postgresql")
CONNECT_TIMEOUT_S = 5


class DatabaseURLError(ValueError):
    """A configured database URL that cannot be used; the message never contains the password."""


def configured_url(environ: Mapping[str, str], secrets: Mapping | None) -> URL | None:
    """NNX_DOJO_DATABASE_URL, else the [connections.nnx_dojo] secrets entry, else None (the SQLite file)."""
    if environ.get(DATABASE_URL_VAR, "").strip():
        return parse_url(environ[DATABASE_URL_VAR].strip(), DATABASE_URL_VAR)
    entry = (secrets or {}).get("connections", {}).get(SECRETS_CONNECTION)
    if not entry:
        return None
    where = f"[connections.{SECRETS_CONNECTION}] in the secrets"
    if not isinstance(entry, Mapping):
        raise DatabaseURLError(f"{where} must be a table with a url")
    if entry.get("url"):
        return parse_url(str(entry["url"]), where)
    # st.connection's other form: the URL's parts as separate keys.
    if not entry.get("dialect"):
        raise DatabaseURLError(f"{where} needs a url (or a dialect, host, database...)")
    driver = f"{entry['dialect']}+{entry['driver']}" if entry.get("driver") else str(entry["dialect"])
    try:
        url = URL.create(
            driver,
            username=entry.get("username"),
            password=entry.get("password"),
            host=entry.get("host"),
            port=int(entry["port"]) if entry.get("port") else None,
            database=entry.get("database"),
            query=dict(entry.get("query") or {}),
        )
    except (ArgumentError, TypeError, ValueError) as exc:
        raise DatabaseURLError(f"{where} does not make a database URL ({type(exc).__name__})") from None
    return _checked(url, where)


def parse_url(raw: str, where: str) -> URL:
    """A SQLAlchemy URL from text; the error names where it came from, never the text (it may hold a password)."""
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError):
        raise DatabaseURLError(f"{where} is not a database URL (dialect://user:password@host/database)") from None
    if url.drivername in ("postgres", "postgresql"):  # the usual hosted spelling; psycopg 3 is the driver we ship
        url = url.set(drivername="postgresql+psycopg")
    return _checked(url, where)


def _checked(url: URL, where: str) -> URL:
    if url.get_backend_name() not in SUPPORTED:
        raise DatabaseURLError(f"{where} names {url.get_backend_name()}; progress can be kept in SQLite or PostgreSQL")
    return url


def shown(url: URL) -> str:
    """The URL as it may appear in logs and messages: the password replaced by ***."""
    return url.render_as_string(hide_password=True)


def sqlite_engine(path: Path | None) -> Engine:
    """One shared connection to the SQLite file (or to memory when path is None); callers serialise use."""
    target = URL.create("sqlite", database=str(path) if path is not None else None)
    engine = create_engine(target, poolclass=StaticPool, connect_args={"check_same_thread": False, "timeout": 10})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's BEGIN below, so DDL is transactional too
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock up front: no upgrade deadlock between processes

    return engine


def server_engine(url: URL) -> Engine:
    """A pooled engine for a database server; a connection is pinged before each use."""
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if url.get_backend_name() == "postgresql" else {}
    return create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_timeout=15, connect_args=connect_args
    )
