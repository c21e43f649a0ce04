"""Per-run control groups: a hard cap on processes and memory, a freeze and a kill that reach everything.

Uses cgroup v2 (`pids.max`, `memory.max`, `cgroup.freeze`, `cgroup.kill`) or v1 (`pids`,
`memory` and, where present, `freezer` hierarchies) when this process may create groups;
otherwise `create()` returns None and the run relies on rlimits and the PID namespace.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")


def own_paths(source: Path = Path("/proc/self/cgroup")) -> dict[str, str]:
    """Controller -> this process's cgroup path, from /proc/self/cgroup ('' for v2); odd lines are skipped."""
    paths: dict[str, str] = {}
    try:
        lines = source.read_text().splitlines()
    except OSError:
        return paths
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) == 3:
            for controller in parts[1].split(",") if parts[1] else [""]:
                paths[controller] = parts[2]
    return paths


class RunGroup:
    """The cgroup directories of one run."""

    def __init__(self, directories: list[Path]) -> None:
        self.directories = directories

    def add(self, pid: int) -> bool:
        """Move a process (and so its future children) into the group."""
        try:
            for directory in self.directories:
                (directory / "cgroup.procs").write_text(str(pid))
            return True
        except OSError:
            return False

    def pids(self) -> set[int]:
        """Processes currently in the group."""
        found: set[int] = set()
        for directory in self.directories:
            with contextlib.suppress(OSError, ValueError):
                found |= {int(p) for p in (directory / "cgroup.procs").read_text().split()}
        return found

    def oom_killed(self) -> bool:
        """True when the memory cap killed something in this group."""
        for directory in self.directories:
            for name, key in (("memory.events", "oom_kill"), ("memory.oom_control", "oom_kill")):
                with contextlib.suppress(OSError, ValueError):
                    for line in (directory / name).read_text().splitlines():
                        field, _, value = line.partition(" ")
                        if field == key and int(value) > 0:
                            return True
        return False

    def freeze(self, frozen: bool) -> bool:
        """Freeze (or thaw) every process in the group at once; False when this host cannot."""
        for directory in self.directories:
            for name, value in (
                ("cgroup.freeze", "1" if frozen else "0"),
                ("freezer.state", "FROZEN" if frozen else "THAWED"),
            ):
                path = directory / name
                if path.exists():
                    try:
                        path.write_text(value)
                        return True
                    except OSError:
                        return False
        return False

    def kill_and_remove(self) -> None:
        """Kill every process in the group, then remove its directories."""
        for directory in self.directories:
            with contextlib.suppress(OSError):
                (directory / "cgroup.kill").write_text("1")
        deadline = time.monotonic() + 5
        while self.pids() and time.monotonic() < deadline:
            for pid in self.pids():
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.02)
        for directory in self.directories:
            for _ in range(50):
                try:
                    directory.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)


def create(pids_max: int, memory_bytes: int) -> RunGroup | None:
    """A new group capping processes and memory, or None when this host does not allow it."""
    name = f"nnx-dojo-{uuid.uuid4().hex[:12]}"
    own = own_paths()
    created: list[Path] = []
    try:
        if (ROOT / "cgroup.controllers").exists():  # v2, unified
            directory = ROOT / own.get("", "/").lstrip("/") / name
            directory.mkdir()
            created.append(directory)
            (directory / "pids.max").write_text(str(pids_max))
            (directory / "memory.max").write_text(str(memory_bytes))
            (directory / "memory.swap.max").write_text("0")
        else:  # v1: one directory per controller
            for controller, limit_file, value in (
                ("pids", "pids.max", pids_max),
                ("memory", "memory.limit_in_bytes", memory_bytes),
            ):
                directory = ROOT / controller / own.get(controller, "/").lstrip("/") / name
                directory.mkdir()
                created.append(directory)
                (directory / limit_file).write_text(str(value))
            freezer = ROOT / "freezer" / own.get("freezer", "/").lstrip("/") / name
            with contextlib.suppress(OSError):  # optional: without it, pausing falls back to signals
                freezer.mkdir()
                created.append(freezer)
    except OSError:
        RunGroup(created).kill_and_remove()
        return None
    return RunGroup(created)


def available() -> bool:
    """Whether per-run groups can be created here."""
    group = create(64, 256 * 1024 * 1024)
    if group is None:
        return False
    group.kill_and_remove()
    return True
