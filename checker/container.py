"""The CPUs and memory this server may really use (cgroup v2 or v1 limits), and the checker sized to fit them.

A container reports the host's CPU count and memory, not its own quota: `os.cpu_count()` on a
2-CPU Community Cloud container can say 16. The cgroup files say what the kernel will enforce.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from pathlib import Path

from checker import cgroups

UNLIMITED = 1 << 60
# Measured on this project's exercises (README, Deploy): the Streamlit server with the checker's host
# side; a reference run (trusted; as many at once as checks); a warm worker waiting (it runs no learner code, so
# it cannot grow); what a learner process holds beyond its data limit (code, libraries, stacks).
APP_RESERVE_MB = 400
REFERENCE_RESERVE_MB = 650
WARM_WORKER_MB = 450
LEARNER_OVERHEAD_MB = 128
LEARNER_MIN_MB = 1024  # the data limit the heaviest exercise needs, with room (it passes at 900)
LEARNER_MAX_MB = 3072
MAX_POOL = 2


@dataclass(frozen=True)
class Resources:
    """What the kernel lets this process tree use."""

    cpus: float
    memory_mb: int
    source: str  # where the figures came from, for `doctor`


@dataclass(frozen=True)
class Sizing:
    """How many learner processes run at once, how many wait warm, and how much memory each may use."""

    concurrency: int
    pool_size: int
    learner_memory_mb: int
    resources: Resources


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


def _ancestors(mount: Path, inner: str) -> list[Path]:
    """The cgroup folder and each parent up to the mount (a limit anywhere above applies too)."""
    folders = [mount]
    for part in Path(inner.lstrip("/")).parts:
        if part in ("..", "."):
            break  # a path that climbs is not a cgroup path
        folders.append(folders[-1] / part)
    return [f for f in reversed(folders) if f.is_dir()]


def _v2(root: Path, inner: str) -> tuple[float, int]:
    cpus, memory = math.inf, UNLIMITED
    for folder in _ancestors(root / "sys/fs/cgroup", inner):
        quota = (_read(folder / "cpu.max") or "max").split()
        if len(quota) == 2 and quota[0].isdigit() and quota[1].isdigit() and int(quota[1]) > 0:
            cpus = min(cpus, int(quota[0]) / int(quota[1]))
        limit = _read(folder / "memory.max") or "max"
        if limit.isdigit():
            memory = min(memory, int(limit))
    return cpus, memory


def _v1(root: Path, groups: dict[str, str]) -> tuple[float, int]:
    cpus, memory = math.inf, UNLIMITED
    for name in ("cpu,cpuacct", "cpu"):
        mount = root / "sys/fs/cgroup" / name
        if mount.is_dir():
            for folder in _ancestors(mount, groups.get("cpu", "/")):
                quota, period = _read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us")
                if quota and period and quota.lstrip("-").isdigit() and int(quota) > 0 and int(period) > 0:
                    cpus = min(cpus, int(quota) / int(period))
            break
    mount = root / "sys/fs/cgroup/memory"
    for folder in _ancestors(mount, groups.get("memory", "/")) if mount.is_dir() else []:
        limit = _read(folder / "memory.limit_in_bytes")
        if limit and limit.isdigit():
            memory = min(memory, int(limit))
    return cpus, memory


def _host_memory(root: Path) -> int:
    for line in (_read(root / "proc/meminfo") or "").splitlines():
        fields = line.split()
        if fields[0] == "MemTotal:" and len(fields) > 1 and fields[1].isdigit():
            return int(fields[1]) * 1024
    return UNLIMITED


def resources(root: Path = Path("/")) -> Resources:
    """This process's CPU and memory limits: the cgroup's quota where there is one, else the machine's."""
    groups = cgroups.own_paths(root / "proc/self/cgroup")
    if "" in groups and (root / "sys/fs/cgroup/cgroup.controllers").exists():
        cpus, memory, source = *_v2(root, groups[""]), "cgroup v2"
    else:
        cpus, memory, source = *_v1(root, groups), "cgroup v1"
    try:
        affinity = len(os.sched_getaffinity(0)) if root == Path("/") else os.cpu_count() or 1
    except OSError:
        affinity = os.cpu_count() or 1
    memory = min(memory, _host_memory(root))
    if cpus == math.inf and memory >= _host_memory(root):
        source = "the machine (no cgroup limit)"
    return Resources(cpus=min(cpus, affinity), memory_mb=memory // (1024 * 1024), source=source)


def size_for(found: Resources) -> Sizing:
    """Concurrency, pool size and per-learner memory so that the app plus every learner process fits.

    At worst the container holds the app, a reference run per check slot (references run in
    slots of their own, as many as checks), each check in flight at its data limit plus
    overhead, and each warm worker. Concurrency follows the CPU quota as far as memory allows
    it next to the warm workers, the pool takes what memory is left (two at most), and so does
    the data limit.
    """
    per_check = LEARNER_MIN_MB + LEARNER_OVERHEAD_MB
    concurrency = max(1, math.ceil(found.cpus - 0.25))  # 1.5 CPUs: two checks; 1.1 CPUs: one
    # Where memory is short, a check slot gives way first to a warm worker (one per extra slot,
    # two at most): a warm worker makes every check faster, a slot only helps checks that collide.
    while (
        concurrency > 1
        and _free(found, concurrency) < concurrency * per_check + min(MAX_POOL, concurrency - 1) * WARM_WORKER_MB
    ):
        concurrency -= 1
    free = _free(found, concurrency)
    pool = max(0, min(MAX_POOL, (free - concurrency * per_check) // WARM_WORKER_MB))
    left = free - pool * WARM_WORKER_MB
    memory = min(max(left // concurrency - LEARNER_OVERHEAD_MB, LEARNER_MIN_MB), LEARNER_MAX_MB)
    return Sizing(concurrency, pool, memory, found)


def _free(found: Resources, concurrency: int) -> int:
    """Memory left for learner processes with `concurrency` checks and as many reference runs at once."""
    return found.memory_mb - APP_RESERVE_MB - concurrency * REFERENCE_RESERVE_MB


@functools.lru_cache(maxsize=1)
def sizing() -> Sizing:
    """The sizing for this server, measured once."""
    return size_for(resources())
