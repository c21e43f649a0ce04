"""Sizing the checker to the container: cgroup v1 and v2 limits read from the files the kernel keeps."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from checker.container import LEARNER_MIN_MB, Resources, resources, size_for
from tests.conftest import PROJECT_ROOT

GIB = 1024**3


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_cgroup_v2_limits_of_the_process_and_its_parents(tmp_path: Path) -> None:
    write(tmp_path, "proc/self/cgroup", "0::/app/web\n")
    write(tmp_path, "proc/meminfo", "MemTotal:       65536000 kB\n")
    write(tmp_path, "sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n")
    write(tmp_path, "sys/fs/cgroup/app/cpu.max", "200000 100000\n")
    write(tmp_path, "sys/fs/cgroup/app/memory.max", f"{int(2.7 * GIB)}\n")
    write(tmp_path, "sys/fs/cgroup/app/web/cpu.max", "max 100000\n")
    write(tmp_path, "sys/fs/cgroup/app/web/memory.max", "max\n")
    found = resources(tmp_path)
    assert found.source == "cgroup v2"
    assert found.cpus == min(2.0, os.cpu_count() or 1)
    assert found.memory_mb == int(2.7 * 1024)


def test_cgroup_v1_quota_and_memory_limit(tmp_path: Path) -> None:
    write(tmp_path, "proc/self/cgroup", "4:memory:/pod\n3:cpu,cpuacct:/pod\n")
    write(tmp_path, "proc/meminfo", "MemTotal:       65536000 kB\n")
    write(tmp_path, "sys/fs/cgroup/cpu,cpuacct/pod/cpu.cfs_quota_us", "150000\n")
    write(tmp_path, "sys/fs/cgroup/cpu,cpuacct/pod/cpu.cfs_period_us", "100000\n")
    write(tmp_path, "sys/fs/cgroup/memory/pod/memory.limit_in_bytes", f"{690 * 1024 * 1024}\n")
    found = resources(tmp_path)
    assert found.source == "cgroup v1"
    assert found.cpus == min(1.5, os.cpu_count() or 1)
    assert found.memory_mb == 690


def test_no_limits_means_the_machine(tmp_path: Path) -> None:
    write(tmp_path, "proc/self/cgroup", "4:memory:/\n")
    write(tmp_path, "proc/meminfo", "MemTotal:       8192000 kB\n")
    write(tmp_path, "sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")
    found = resources(tmp_path)
    assert found.memory_mb == 8000
    assert found.source.startswith("the machine")


def test_garbage_in_the_files_is_ignored(tmp_path: Path) -> None:
    write(tmp_path, "proc/self/cgroup", "not a cgroup line\n0::/../../etc\n")
    write(tmp_path, "proc/meminfo", "MemTotal: lots\n")
    write(tmp_path, "sys/fs/cgroup/cgroup.controllers", "")
    write(tmp_path, "sys/fs/cgroup/cpu.max", "-5 0\n")
    write(tmp_path, "sys/fs/cgroup/memory.max", "a lot\n")
    found = resources(tmp_path)
    assert found.cpus >= 1 and found.memory_mb > 0


@pytest.mark.parametrize(
    ("cpus", "memory_mb", "concurrency", "pool"),
    [(2, 2764, 1, 1), (2, 690, 1, 0), (2, 4096, 1, 2), (2, 8192, 2, 2), (16, 24000, 12, 2), (1.2, 16000, 1, 2)],
)
def test_sizing_fits_the_container(cpus: float, memory_mb: int, concurrency: int, pool: int) -> None:
    sizing = size_for(Resources(cpus, memory_mb, "test"))
    assert (sizing.concurrency, sizing.pool_size) == (concurrency, pool)
    assert LEARNER_MIN_MB <= sizing.learner_memory_mb <= 3072


def _writable_v1_memory() -> Path | None:
    root = Path("/sys/fs/cgroup/memory")
    return root if os.geteuid() == 0 and (root / "memory.limit_in_bytes").exists() else None


@pytest.mark.skipif(_writable_v1_memory() is None, reason="needs root and a cgroup v1 memory controller")
def test_a_real_2_7_gib_cgroup_is_read_back() -> None:
    """A process put in a real memory cgroup of 2.7 GiB sees that limit and sizes itself for it."""
    group = Path("/sys/fs/cgroup/memory") / f"nnx-dojo-test-{uuid.uuid4().hex[:8]}"
    group.mkdir()
    try:
        (group / "memory.limit_in_bytes").write_text(str(int(2.7 * GIB)))
        script = (
            "import os, sys\n"
            f"open('{group}/cgroup.procs', 'w').write(str(os.getpid()))\n"
            "from checker.container import sizing\n"
            "s = sizing()\n"
            "print(s.resources.memory_mb, s.concurrency, s.pool_size, s.learner_memory_mb)\n"
        )
        out = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
                             timeout=60, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})  # fmt: skip
        assert out.returncode == 0, out.stderr
        memory, concurrency, pool, learner = map(int, out.stdout.split())
        assert memory == int(2.7 * 1024)
        assert (concurrency, pool) == (1, 1) and learner >= LEARNER_MIN_MB
    finally:
        group.rmdir()
