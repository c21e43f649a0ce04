"""A private redis-server and worker hosts on this machine, for the tests and the benchmark."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from checker.config import PROJECT_ROOT
from checker.taskqueue import contract, registry


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalRedis:
    """redis-server on a free local port, in `folder`, persisting nothing."""

    def __init__(self, folder: Path) -> None:
        server = shutil.which("redis-server")
        if server is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        command = [server, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                   "--dir", str(folder), "--logfile", str(folder / "redis.log")]  # fmt: skip
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
        client = contract.redis_client(self.url)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except Exception:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"redis-server did not start; see {folder / 'redis.log'}") from None
                time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_worker(url: str, log_path: Path, concurrency: int = 1, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`python -m checker worker` in its own process group (so it can be killed whole), output to `log_path`."""
    environment = {**os.environ, **(env or {})}
    environment.pop("NNX_DOJO_QUEUE_URL", None)
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "checker", "worker", "--queue", url, "--concurrency", str(concurrency)],
            cwd=PROJECT_ROOT,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def node_of(url: str, pid: int) -> str | None:
    """The registry node name of the worker host with process id `pid`, once it has announced itself."""
    import json

    client = contract.redis_client(url)
    for key in client.scan_iter(match=contract.WORKER_KEY + "*"):
        with contextlib.suppress(ValueError, TypeError):
            record = json.loads(client.get(key) or b"{}")
            if record.get("pid") == pid:
                return record["node"]
    return None


def wait_for_workers(url: str, processes: list[subprocess.Popen], timeout: float = 120.0) -> list[str]:
    """Block until every process in `processes` is in the registry; their node names."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        nodes = [node_of(url, p.pid) for p in processes]
        if all(nodes):
            return nodes
        dead = [p.pid for p in processes if p.poll() is not None]
        if dead:
            raise RuntimeError(f"worker process {dead} exited before announcing itself")
        time.sleep(0.1)
    raise RuntimeError(f"workers did not announce themselves within {timeout:.0f} s")


def stop_worker(process: subprocess.Popen, timeout: float = 30.0) -> None:
    """Stop a worker host (TERM, then KILL) with everything in its process group."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        if process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=wait)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # anything it left in its group


def live_nodes(url: str) -> list[str]:
    """Node names of the live worker hosts."""
    return [worker.node for worker in registry.live_workers(contract.redis_client(url))]
