"""A probe submission that tries everything a hosted visitor must never reach, at each sandbox level.

It reports one line per target on its printed output: every exercise's reference and cases, the
app's secrets file, the app's /proc environ and memory, the progress database (read and write),
another run's folder, a TCP connection to the app's port, a signal to the app, and the project
and home folders. Every line must say "blocked".
"""

from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

import pytest

from checker import Status, check, folders
from checker.sandbox import isolation, python_roots
from tests.adversarial.submissions import solution
from tests.conftest import PROJECT_ROOT

PROBE = """
def attempt(name, action):
    try:
        action()
    except BaseException as exc:
        print(name, "blocked", type(exc).__name__)
    else:
        print(name, "REACHED")


def read(path):
    with open(path, "rb") as handle:
        handle.read(1)


def write(path):
    with open(path, "ab") as handle:
        handle.write(b"x")


def listing(path):
    shown = [name for name in os.listdir(path) if name not in {mount_points}]
    if not shown:
        raise PermissionError("only the folders leading to the interpreter are visible")


def connect():
    import socket
    socket.create_connection(("127.0.0.1", {port}), timeout=2).close()


for path in {references}:
    attempt("reference " + path, lambda: read(path))
attempt("secrets", lambda: read({secrets!r}))
attempt("app environ", lambda: read("/proc/{app_pid}/environ"))
attempt("app memory", lambda: read("/proc/{app_pid}/mem"))
attempt("app cmdline", lambda: read("/proc/{app_pid}/cmdline"))
attempt("database read", lambda: read({database!r}))
attempt("database write", lambda: write({database!r}))
attempt("other run read", lambda: read({other_run!r}))
attempt("other run write", lambda: write({other_run!r}))
attempt("other run list", lambda: listing({other_folder!r}))
attempt("project list", lambda: listing({project!r}))
attempt("home list", lambda: listing({home!r}))
attempt("tcp to app", connect)
attempt("signal to app", lambda: os.kill({app_pid}, 0))
"""


def test_probe_reaches_nothing_of_the_host(sandbox_level: str, fixture_root: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    reached = run_probe(fixture_root, tmp_path, monkeypatch)
    assert not reached, f"{sandbox_level}: the probe reached {reached}"


def test_without_a_sandbox_the_probe_reaches_the_host(fixture_root: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """The probe itself works: at level none it does reach the references, the database and the port."""
    monkeypatch.setenv("NNX_DOJO_SANDBOX", "none")
    isolation.cache_clear()
    try:
        reached = " ".join(run_probe(fixture_root, tmp_path, monkeypatch, expect_clean=False))
    finally:
        isolation.cache_clear()
    for target in ("reference", "secrets", "database write", "other run read", "tcp to app", "signal to app"):
        assert f"{target}" in reached


def run_probe(fixture_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              expect_clean: bool = True) -> list[str]:  # fmt: skip
    """Run the probe at the current level; the lines of what it reached."""
    monkeypatch.setenv("NNX_DOJO_PROBE_SECRET", "do-not-leak")  # in this process's environ, the "app"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('teacher_key = "do-not-leak"\n')
    database = tmp_path / "nnx-dojo.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE drafts (code TEXT)")
        db.execute("INSERT INTO drafts VALUES ('another visitor''s draft')")
    other_folder = folders.new_run_folder("run")  # where another visitor's run works, next to ours
    other_run = other_folder / "notes.py"
    other_run.write_text("another visitor's code\n")
    references = sorted(str(p) for p in PROJECT_ROOT.glob("problems/*/reference.py"))
    references += sorted(str(p) for p in PROJECT_ROOT.glob("problems/*/cases.py"))
    assert len(references) >= 60
    # bubblewrap shows empty folders on the way to the interpreter it mounts (a .venv in the project)
    mount_points = {part for root in python_roots() for part in root.parts}
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.1)
        probe = PROBE.format(
            port=server.getsockname()[1], references=references, secrets=str(secrets), app_pid=os.getpid(),
            database=str(database), other_run=str(other_run), other_folder=str(other_folder),
            project=str(PROJECT_ROOT), home=str(Path.home()), mount_points=mount_points,
        )  # fmt: skip
        verdict = check("fixture-affine", solution(before=probe), "run", root=fixture_root, pool=None)
        if expect_clean:
            with pytest.raises(TimeoutError):
                server.accept()  # nothing connected
    assert verdict.status is Status.ACCEPTED, verdict.message
    lines = verdict.cases[0].stdout.splitlines()
    assert len(lines) == len(references) + 13, lines[:5]
    if expect_clean:
        assert other_run.read_text() == "another visitor's code\n"
        with sqlite3.connect(database) as db:
            assert db.execute("SELECT code FROM drafts").fetchall() == [("another visitor's draft",)]
        assert "do-not-leak" not in verdict.to_json()
    return [line for line in lines if "blocked" not in line]
