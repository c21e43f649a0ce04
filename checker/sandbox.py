"""The strongest isolation this host allows for learner processes: bubblewrap, else a plain process.

With bubblewrap the learner's process gets new user, PID, network, IPC, UTS and cgroup
namespaces, runs as uid 65534 with no capabilities, sees a read-only system with only the
interpreter, its packages and the checker mounted, and can write only its own run folder.
bubblewrap itself is started with an empty environment, so nothing of the app's environment
is readable inside (not even through /proc). Where bubblewrap is missing or cannot create
namespaces (some hosted platforms), the checker degrades to a separate process with an empty
environment, a temporary folder and resource limits, and says so.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from checker import config

INNER_WORKDIR = "/sandbox"
INNER_CODE = "/opt/nnx-dojo"
INNER_XLA_CACHE = "/opt/nnx-dojo-xla-cache"
CHECKER_DIR = Path(__file__).resolve().parent
SANDBOX_UID = 65534


@dataclass(frozen=True)
class Isolation:
    """What protects the host from learner code here."""

    level: str  # "bubblewrap" or "process"
    reason: str = ""  # why a stronger level is not in use
    protections: list[str] = field(default_factory=list)


def _bwrap() -> str | None:
    setting = os.environ.get("NNX_DOJO_SANDBOX", "auto")
    if setting == "none":
        return None
    return shutil.which("bwrap")


def _system_mounts() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "lib", "lib32", "lib64", "sbin"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in ("/etc/ld.so.cache", "/etc/localtime", "/etc/ssl/certs"):
        args += ["--ro-bind-try", name, name]
    return args


def _python_mounts() -> list[str]:
    roots: list[Path] = []
    for candidate in [sys.base_prefix, sys.prefix, *[p for p in sys.path if p.endswith("-packages")]]:
        path = Path(candidate).resolve()
        if path.is_dir() and not str(path).startswith("/usr/") and not any(path.is_relative_to(r) for r in roots):
            roots = [r for r in roots if not r.is_relative_to(path)] + [path]
    args = []
    for root in roots:
        args += ["--ro-bind", str(root), str(root)]
    executable = Path(sys.executable)
    if not str(executable).startswith("/usr/") and not any(executable.is_relative_to(r) for r in roots):
        args += ["--ro-bind", str(executable.parent), str(executable.parent)]
    return args


def bwrap_command(env: dict[str, str], disk_bytes: int = 64 * 1024 * 1024) -> list[str]:
    """The bubblewrap prefix that runs a command inside the sandbox with `env` as its environment.

    The learner's working folder is a size-capped tmpfs that vanishes with the sandbox. Only the
    protocol module and `checker/inside/` are mounted, and the shared compilation cache is read-only.
    """
    bwrap = _bwrap()
    assert bwrap is not None
    small = str(min(disk_bytes, 16 * 1024 * 1024))
    command = [
        bwrap,
        "--unshare-all",
        "--unshare-user",
        "--uid", str(SANDBOX_UID),
        "--gid", str(SANDBOX_UID),
        "--die-with-parent",
        "--new-session",
        "--cap-drop", "ALL",
        "--hostname", "sandbox",
        # Mounts apply in order: the empty /tmp first, so an interpreter or virtual environment
        # that lives under /tmp is bound on top of it instead of being hidden by it. Every
        # writable place is a tmpfs with a size, and /dev itself is read-only.
        "--size", small, "--tmpfs", "/tmp",
        "--proc", "/proc",
        "--dev", "/dev",
        "--size", small, "--tmpfs", "/dev/shm",
        "--remount-ro", "/dev",
        *_system_mounts(),
        *_python_mounts(),
        "--dir", f"{INNER_CODE}/checker",
        "--ro-bind", str(CHECKER_DIR / "__init__.py"), f"{INNER_CODE}/checker/__init__.py",
        "--ro-bind", str(CHECKER_DIR / "protocol.py"), f"{INNER_CODE}/checker/protocol.py",
        "--ro-bind", str(CHECKER_DIR / "inside"), f"{INNER_CODE}/checker/inside",
    ]  # fmt: skip
    xla_cache = config.xla_cache_dir()
    if xla_cache.is_dir():
        command += ["--ro-bind", str(xla_cache), INNER_XLA_CACHE]
    command += ["--size", str(disk_bytes), "--tmpfs", INNER_WORKDIR, "--chdir", INNER_WORKDIR, "--clearenv"]
    for key, value in env.items():
        command += ["--setenv", key, value]
    return [*command, "--"]


@functools.lru_cache(maxsize=1)
def isolation() -> Isolation:
    """Probe once which isolation works on this host."""
    common = [
        "a separate process per check, started with an empty environment and killed with its whole group",
        "memory, file-size and output limits; the exercise's wall-clock limit",
    ]
    bwrap = _bwrap()
    if bwrap is None:
        reason = (
            "disabled by NNX_DOJO_SANDBOX=none"
            if os.environ.get("NNX_DOJO_SANDBOX") == "none"
            else ("bubblewrap (bwrap) is not installed")
        )
        return Isolation("process", reason, common)
    try:
        command = bwrap_command({"PATH": "/usr/bin:/bin"}) + [sys.executable, "-S", "-c", "pass"]
        result = subprocess.run(command, env={}, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return Isolation("process", f"bubblewrap could not start: {exc}", common)
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        return Isolation("process", f"bubblewrap failed: {message[-1] if message else result.returncode}", common)
    return Isolation(
        "bubblewrap",
        "",
        [
            *common,
            "bubblewrap: new user, PID, network, IPC, UTS and cgroup namespaces (no network at all)",
            f"runs as uid {SANDBOX_UID} with every capability dropped",
            "sees only a read-only system, the Python interpreter and packages, and the checker; "
            "the exercises, reference solutions, database and secrets do not exist inside",
            "can write only its own working folder, a size-capped in-memory file system that vanishes "
            "with the sandbox, plus small capped /tmp and /dev/shm",
            "sees only the checker's protocol module and its in-sandbox code, and the compilation cache read-only",
        ],
    )
