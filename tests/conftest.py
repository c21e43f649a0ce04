"""Shared fixtures: a private cache directory and the fixture exercise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
