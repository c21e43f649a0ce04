"""The SQLite store: privacy between profiles, durability across SIGKILL, corrupt and unwritable files."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dojo.store import DB_NAME, StorageError, Store
from tests.conftest import PROJECT_ROOT


@pytest.fixture
def store(tmp_path: Path):
    opened = Store(tmp_path / DB_NAME)
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
    assert store.load_draft("alice-profile", "ex") == "alice's code"
    assert store.progress("alice-profile") == {"ex": "solved"}


def test_progress_distinguishes_attempted_from_solved(store: Store) -> None:
    store.record_submission("p-12345678", "{}", "c", slug="a", mode="run", status="accepted", passed=2, total=2)
    store.record_submission("p-12345678", "{}", "c", slug="b", mode="submit", status="wrong_answer", passed=1, total=6)
    assert store.progress("p-12345678") == {"a": "attempted", "b": "attempted"}
    assert store.history_csv("p-12345678").splitlines()[0] == "time_utc,exercise,mode,verdict,passed,total"
    store.reset_progress("p-12345678")
    assert store.history("p-12345678") == []


def test_schema_is_versioned_and_survives_reopening(tmp_path: Path) -> None:
    first = Store(tmp_path / DB_NAME)
    first.save_draft("p-12345678", "ex", "kept")
    first.close()
    second = Store(tmp_path / DB_NAME)
    assert second._read("PRAGMA user_version")[0][0] == 1
    assert second.load_draft("p-12345678", "ex") == "kept"
    second.close()


def test_corrupt_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not a database" * 100)
    store = Store(path)
    assert "damaged" in store.notice and ".corrupt-" in store.notice
    store.save_draft("p-12345678", "ex", "fresh start")
    assert store.load_draft("p-12345678", "ex") == "fresh start"
    assert list(tmp_path.glob(f"{DB_NAME}.corrupt-*"))
    store.close()


def test_unwritable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    store = Store(blocker / "data" / DB_NAME)
    assert not store.persistent and "not being saved" in store.notice
    store.save_draft("p-12345678", "ex", "still works")
    assert store.load_draft("p-12345678", "ex") == "still works"


def test_full_disk_is_a_clear_error_and_keeps_what_was_saved(store: Store) -> None:
    store.save_draft("p-12345678", "ex", "small")
    store._db.execute("PRAGMA max_page_count = " + str(store._read("PRAGMA page_count")[0][0]))
    with pytest.raises(StorageError, match="could not be saved"):
        store.save_draft("p-12345678", "other", "x" * 100_000)
    assert "could not be saved" in store.notice
    assert store.load_draft("p-12345678", "ex") == "small"


def test_drafts_survive_sigkill(tmp_path: Path) -> None:
    writer = (
        "import sys\nfrom pathlib import Path\nfrom dojo.store import Store\n"
        f"store = Store(Path({str(tmp_path / DB_NAME)!r}))\n"
        "for n in range(100000):\n"
        "    store.save_draft('p-12345678', 'ex', f'version {n}')\n"
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
    reopened = Store(tmp_path / DB_NAME)
    saved = int(reopened.load_draft("p-12345678", "ex").split()[1])
    assert saved >= acknowledged
    reopened.close()
