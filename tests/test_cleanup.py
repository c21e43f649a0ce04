"""Nothing is left on disk or running: after the CLI, after a check in a long-lived process, after a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import check, folders, runner
from tests.conftest import FIXTURE_PROBLEMS, PROJECT_ROOT

DEEP_TREE = (
    "import os\n\n"
    "for _ in range(1200):\n    os.mkdir('d')\n    os.chdir('d')\n"
    "open('leaf', 'w').write('x' * 1000)\n\n"
    "def fit_affine(seed, x, y, num_steps):\n    return x[0, :2] * 0\n"
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(folders.PREFIX))


@pytest.mark.parametrize("sandbox", ["auto", "none"])
def test_the_cli_leaves_nothing_behind(tmp_path: Path, sandbox: str) -> None:
    solution = tmp_path / "solution.py"
    solution.write_text(DEEP_TREE)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "NNX_DOJO_SANDBOX": sandbox,
           "NNX_DOJO_PROBLEMS_DIR": str(FIXTURE_PROBLEMS)}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "fixture-affine", str(solution)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr  # a wrong answer, judged
    assert "Wrong answer" in result.stdout
    assert _leftovers(scratch) == []


def test_a_long_lived_process_cleans_up_after_each_check(fixture_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_SANDBOX", "none")  # the plain process works in a host folder
    from checker.sandbox import isolation

    isolation.cache_clear()
    runner.wait_for_clean_up()
    before = set(folders.base().iterdir())  # warm workers of earlier tests may hold their own folders
    try:
        verdict = check("fixture-affine", DEEP_TREE, "submit", root=fixture_root, pool=None)
    finally:
        isolation.cache_clear()
    assert verdict.status.value == "wrong_answer", verdict.message
    runner.wait_for_clean_up()
    assert set(folders.base().iterdir()) - before == set()


def test_folders_of_a_crashed_server_are_swept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"{folders.PREFIX}{dead.stdout.strip()}"
    (stale / "run-x" / "d" / "d").mkdir(parents=True)
    (stale / "run-x" / "d" / "link").symlink_to("/etc/passwd")
    alive = tmp_path / f"{folders.PREFIX}{os.getpid()}"
    alive.mkdir()
    assert folders.sweep_stale(tmp_path) == [stale]
    assert not stale.exists() and alive.exists() and Path("/etc/passwd").exists()


def test_removal_survives_what_a_learner_can_build(tmp_path: Path) -> None:
    root = tmp_path / "run"
    root.mkdir()
    cwd = os.getcwd()
    try:
        os.chdir(root)
        for _ in range(3000):  # deeper than Python's recursion limit and than PATH_MAX
            os.mkdir("d")
            os.chdir("d")
        os.symlink("/etc", "etc-link")
        os.mkfifo("fifo")
        os.mkdir("locked")
        os.chmod("locked", 0)
    finally:
        os.chdir(cwd)
    folders.remove_tree(root)
    assert not root.exists() and Path("/etc/passwd").exists()
