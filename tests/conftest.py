"""Shared fixtures: a private cache directory, the fixture exercise and a PostgreSQL server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import PostgresServer
from tests.postgres import find_bin as find_pg_bin

FIXTURE_PROBLEMS = Path(__file__).parent / "fixtures" / "problems"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Reference outputs and compiled kernels go to a per-session folder unless CI shares one."""
    if not os.environ.get("NNX_DOJO_CACHE_DIR"):
        os.environ["NNX_DOJO_CACHE_DIR"] = str(tmp_path_factory.mktemp("nnx-dojo-cache"))


@pytest.fixture
def fixture_root() -> Path:
    """The folder holding the checker's fixture exercise."""
    return FIXTURE_PROBLEMS


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for this test session (skipped without Debian's postgresql, except in CI)."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        reason = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    server = PostgresServer(bin_dir)
    yield server
    server.close()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh empty database on the session's server, as a URL string."""
    return postgres_server.new_database().render_as_string(hide_password=False)
