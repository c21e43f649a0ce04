"""Choosing the progress database: the environment variable, the secrets entry, and URLs that cannot be used."""

from __future__ import annotations

import pytest

from dojo.database import DATABASE_URL_VAR, DatabaseURLError, configured_url, shown
from dojo.store import StorageError, Store

SECRET_URL = {"connections": {"nnx_dojo": {"url": "postgresql://dojo:pw@db.example/dojo"}}}


def test_nothing_configured_means_the_sqlite_file() -> None:
    assert configured_url({}, None) is None
    assert configured_url({DATABASE_URL_VAR: "  "}, {"connections": {"other": {"url": "x"}}}) is None


def test_the_environment_wins_over_the_secrets() -> None:
    url = configured_url({DATABASE_URL_VAR: "postgresql://a:b@env-host/d"}, SECRET_URL)
    assert url.host == "env-host" and url.drivername == "postgresql+psycopg"
    assert configured_url({}, SECRET_URL).host == "db.example"


def test_the_secrets_entry_may_spell_out_the_parts() -> None:
    entry = {"dialect": "postgresql", "driver": "psycopg", "host": "h", "port": "5433", "database": "d",
             "username": "u", "password": "p@ss:word"}  # fmt: skip
    url = configured_url({}, {"connections": {"nnx_dojo": entry}})
    assert (url.host, url.port, url.password) == ("h", 5433, "p@ss:word")
    assert shown(url) == "postgresql+psycopg://u:***@h:5433/d"


@pytest.mark.parametrize(
    "raw",
    ["not a url s3cret-pw", "postgresql://u:s3cret-pw@[::1/d", "mysql://u:s3cret-pw@h/d", "\x00://s3cret-pw"],
)
def test_an_unusable_url_is_named_without_its_password(raw: str) -> None:
    with pytest.raises(DatabaseURLError) as failure:
        configured_url({DATABASE_URL_VAR: raw}, None)
    assert DATABASE_URL_VAR in str(failure.value) and "s3cret-pw" not in str(failure.value)
    with pytest.raises(StorageError) as again:
        Store(url=raw)
    assert "s3cret-pw" not in str(again.value)


@pytest.mark.parametrize("entry", ["a string", {"port": "x"}, {"dialect": "postgresql", "port": "not a port"}])
def test_a_malformed_secrets_entry_is_a_clear_error(entry: object) -> None:
    with pytest.raises(DatabaseURLError, match=r"\[connections.nnx_dojo\]"):
        configured_url({}, {"connections": {"nnx_dojo": entry}})


def test_a_sqlite_url_opens_that_file(tmp_path) -> None:
    store = Store(url=f"sqlite:///{tmp_path / 'chosen.sqlite3'}")
    store.save_draft("p-12345678", "ex", "kept")
    assert (tmp_path / "chosen.sqlite3").exists() and store.dialect == "sqlite"
    store.close()
