"""`python -m checker`: list, check (text and JSON, exit codes) and usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.problems import list_problems
from tests.conftest import PROJECT_ROOT


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600
    )


def test_list_shows_every_exercise() -> None:
    result = _cli("list")
    assert result.returncode == 0
    for problem in list_problems():
        assert problem.slug in result.stdout
        assert problem.entry in result.stdout


@pytest.fixture(scope="module")
def slug() -> str:
    return "nnx-optimizer-basics"


def test_check_reference_json_exit_zero(slug: str) -> None:
    path = PROJECT_ROOT / "problems" / slug / "reference.py"
    result = _cli("check", slug, str(path), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["status"] == "accepted"
    assert data["passed"] == data["total"] == len(data["cases"]) >= 6


def test_check_starter_run_mode_exit_one(slug: str) -> None:
    path = PROJECT_ROOT / "problems" / slug / "starter.py"
    result = _cli("check", slug, str(path), "--run")
    assert result.returncode == 1
    assert "cases passed" in result.stdout
    assert "hidden" not in result.stdout


def test_unknown_slug_is_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text("x = 1\n")
    result = _cli("check", "not-an-exercise", str(source))
    assert result.returncode == 2
    assert "unknown exercise 'not-an-exercise'" in result.stderr


def test_unreadable_file_is_usage_error(slug: str, tmp_path: Path) -> None:
    result = _cli("check", slug, str(tmp_path / "missing.py"))
    assert result.returncode == 2
    assert "cannot read" in result.stderr


def test_non_utf8_file_is_usage_error(slug: str, tmp_path: Path) -> None:
    source = tmp_path / "latin1.py"
    source.write_bytes(b"# caf\xe9\n")
    result = _cli("check", slug, str(source))
    assert result.returncode == 2
    assert "not UTF-8" in result.stderr


def test_validate_unknown_slug_is_usage_error() -> None:
    assert _cli("validate", "nope").returncode == 2
