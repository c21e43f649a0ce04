"""Stopping a running app with SIGTERM leaves no learner process and no folder behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import folders, runner
from tests.browser.conftest import wait_until_healthy
from tests.conftest import PROJECT_ROOT
from tests.ports import free_port

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("sandbox", ["auto", "none"])
def test_sigterm_of_a_running_app_leaves_nothing(tmp_path: Path, browser, sandbox: str) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    env = {**os.environ, "TMPDIR": str(scratch), "NNX_DOJO_DATA_DIR": str(tmp_path / "data"),
           "NNX_DOJO_SANDBOX": sandbox, "NNX_DOJO_POOL_SIZE": "1"}  # fmt: skip
    log_path = tmp_path / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1"]  # fmt: skip
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", server, log_path)
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/practice?problem=nnx-train-step")
        page.get_by_role("heading", name="NNX Train Step").first.wait_for(timeout=120_000)
        deadline = time.monotonic() + 120
        while not runner.descendants(server.pid) and time.monotonic() < deadline:
            time.sleep(0.2)  # the pool starts warming a worker for the opened exercise
        learners = runner.descendants(server.pid)
        assert learners, "no worker was started"
        context.close()
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) is not None
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    time.sleep(1)
    alive = [pid for pid in learners if os.path.exists(f"/proc/{pid}") and _not_zombie(pid)]
    assert alive == [], f"left running: {alive}\n{log_path.read_text(errors='replace')[-2000:]}"
    assert [p.name for p in scratch.iterdir() if p.name.startswith(folders.PREFIX)] == []


def _not_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
