"""The strongest isolation this host allows for learner processes: bubblewrap, else Landlock, else none.

Levels, tried in this order unless `NNX_DOJO_SANDBOX` names one (`auto`, `bubblewrap`,
`landlock`, `none`; naming a level means "this one at most"):

* **bubblewrap** - new user, PID, network, IPC, UTS and cgroup namespaces; uid 65534 with no
  capabilities; a read-only system with only the interpreter, its packages and the checker's
  in-sandbox code mounted; writes only to size-capped in-memory folders. bubblewrap is started
  with an empty environment. Needs bubblewrap 0.5 or newer and unprivileged user namespaces.
* **landlock** - for hosts without user namespaces (many containers): the learner's process
  confines itself before anything else (`checker/inside/confine.py`) with Landlock rules the
  host chose (read the interpreter, its packages and a private copy of the in-sandbox code;
  write only its run folder; no TCP; no signals or abstract sockets out of its domain), a
  seccomp filter and no_new_privs. Needs a kernel with Landlock and libseccomp.
* **none** - a separate process with an empty environment, a temporary folder and resource
  limits: fine on a laptop, refused on a public instance (`config.public_instance()`).
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from checker import config, folders

INNER_WORKDIR = "/sandbox"
INNER_CODE = "/opt/nnx-dojo"
INNER_XLA_CACHE = "/opt/nnx-dojo-xla-cache"
CHECKER_DIR = Path(__file__).resolve().parent
SANDBOX_UID = 65534
LEVELS = ("bubblewrap", "landlock", "none")
MIN_BWRAP_VERSION = (0, 5, 0)  # --clearenv and --size
PROBE_TIMEOUT_S = 30
# What the learner's process may read at the landlock level besides the interpreter and its packages:
# shared libraries, and the few kernel files the numerical libraries look at to count CPUs.
SYSTEM_READ = ("/usr", "/bin", "/lib", "/lib32", "/lib64", "/etc/ld.so.cache", "/etc/localtime",
               "/dev/urandom", "/dev/random", "/dev/zero", "/proc/self", "/proc/cpuinfo",
               "/sys/devices/system/cpu")  # fmt: skip
NO_SANDBOX_ON_PUBLIC = (
    "This is a public instance, and learner code may only run here inside a sandbox "
    "(bubblewrap or Landlock); neither works on this host"
)
REFUSED_AT_NONE = f"{NO_SANDBOX_ON_PUBLIC}, so nothing was run."


@dataclass(frozen=True)
class Isolation:
    """What protects the host from learner code here."""

    level: str  # one of LEVELS
    reason: str = ""  # why a stronger level is not in use
    protections: list[str] = field(default_factory=list)


class SandboxRefused(RuntimeError):
    """Learner code may not run at this isolation level (a public instance without a sandbox)."""


def requested_level() -> str:
    """NNX_DOJO_SANDBOX: `auto` (default) or the strongest level to try."""
    value = os.environ.get("NNX_DOJO_SANDBOX", "auto").strip().lower()
    return value if value in (*LEVELS, "auto") else "auto"


def _bwrap() -> str | None:
    return shutil.which("bwrap")


def bwrap_version(text: str) -> tuple[int, ...] | None:
    """The version in `bwrap --version` output ('bubblewrap 0.8.0'), or None."""
    match = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", text)
    return tuple(int(part or 0) for part in match.groups()) if match else None


def python_roots() -> list[Path]:
    """The folders holding the interpreter, its standard library and its packages (outside /usr)."""
    roots: list[Path] = []
    for candidate in [sys.base_prefix, sys.prefix, *[p for p in sys.path if p.endswith("-packages")]]:
        path = Path(candidate).resolve()
        if path.is_dir() and not str(path).startswith("/usr/") and not any(path.is_relative_to(r) for r in roots):
            roots = [r for r in roots if not r.is_relative_to(path)] + [path]
    executable = Path(sys.executable)
    if not str(executable).startswith("/usr/") and not any(executable.is_relative_to(r) for r in roots):
        roots.append(executable.parent)
    return roots


def _exposed_project() -> str | None:
    """A reason when making the interpreter visible would also make the project (and its references) visible."""
    for root in python_roots():
        if config.PROJECT_ROOT.is_relative_to(root):
            return f"the Python environment at {root} contains the project, so it cannot be shown to learner code"
    return None


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
    ]  # fmt: skip
    for root in python_roots():
        command += ["--ro-bind", str(root), str(root)]
    command += [
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


_code_lock = threading.Lock()


def child_code_dir() -> Path:
    """A private read-only copy of what runs inside (`checker/__init__.py`, `protocol.py`, `inside/`).

    At the landlock level it is the only part of the project the learner's process may read: the
    same three things bubblewrap mounts. Made once per server process, again if it was removed.
    """
    with _code_lock:
        top = folders.base() / "code"
        if (top / "checker" / "inside" / "child.py").is_file():
            return top
        if top.exists():
            folders.remove_tree(top)
        staging = folders.new_run_folder("code")
        package = staging / "checker"
        shutil.copytree(CHECKER_DIR / "inside", package / "inside", ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("__init__.py", "protocol.py"):
            shutil.copyfile(CHECKER_DIR / name, package / name)
        for path in sorted(staging.rglob("*"), reverse=True):
            path.chmod(0o555 if path.is_dir() else 0o444)
        staging.rename(top)
        return top


def landlock_rules(folder: Path) -> dict[str, list[str]]:
    """The Landlock rules for one run: read the interpreter, packages and in-sandbox code; write `folder`."""
    read = [*map(str, python_roots()), *SYSTEM_READ, str(child_code_dir())]
    if config.xla_cache_dir().is_dir():
        read.append(str(config.xla_cache_dir()))  # read-only: the learner cannot poison it
    return {"read": read, "write": [str(folder), "/dev/null"]}


def _probe_bubblewrap() -> str | None:
    """None when bubblewrap works here, else why not."""
    bwrap = _bwrap()
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed"
    try:
        shown = subprocess.run([bwrap, "--version"], env={}, capture_output=True, timeout=PROBE_TIMEOUT_S)
        version = bwrap_version(shown.stdout.decode(errors="replace"))
        if version is not None and version < MIN_BWRAP_VERSION:
            found = ".".join(map(str, version))
            return f"bubblewrap {found} is older than 0.5.0 (it lacks --clearenv and --size)"
        command = bwrap_command({"PATH": "/usr/bin:/bin"}) + [sys.executable, "-S", "-c", "pass"]
        result = subprocess.run(command, env={}, capture_output=True, timeout=PROBE_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"bubblewrap could not start: {exc}"
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        return f"bubblewrap failed: {message[-1] if message else result.returncode}"
    return None


def _probe_landlock() -> str | None:
    """None when a confined process really cannot read the project or write outside its folder, else why."""
    folder = folders.new_run_folder("probe")
    try:
        command = [sys.executable, "-s", "-m", "checker.inside.confine", json.dumps(landlock_rules(folder)),
                   str(config.PROJECT_ROOT / "checker" / "protocol.py"), str(folder.parent / "forbidden")]  # fmt: skip
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(child_code_dir()), "LANG": "C.UTF-8"}
        result = subprocess.run(command, env=env, cwd=folder, capture_output=True, timeout=PROBE_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Landlock could not be tried: {exc}"
    finally:
        folders.remove_tree(folder)
    lines = (result.stdout + result.stderr).decode(errors="replace").strip().splitlines()
    if result.returncode != 0 or not lines or not lines[-1].startswith("confined"):
        return f"Landlock is unavailable: {lines[-1] if lines else f'exit status {result.returncode}'}"
    return None


COMMON = [
    "a separate process per check, started with an empty environment and killed with its whole group",
    "memory, file-size and output limits; the exercise's wall-clock limit",
]
BUBBLEWRAP = [
    "bubblewrap: new user, PID, network, IPC, UTS and cgroup namespaces (no network at all)",
    f"runs as uid {SANDBOX_UID} with every capability dropped",
    "sees only a read-only system, the Python interpreter and packages, and the checker; "
    "the exercises, reference solutions, database and secrets do not exist inside",
    "can write only its own working folder, a size-capped in-memory file system that vanishes "
    "with the sandbox, plus small capped /tmp and /dev/shm",
    "sees only the checker's protocol module and its in-sandbox code, and the compilation cache read-only",
]
LANDLOCK = [
    "Landlock: may read only the system libraries, the Python interpreter and packages, and a private "
    "copy of the checker's in-sandbox code; the exercises, reference solutions, database, secrets and "
    "other visitors' runs cannot be opened",
    "may write only its own run folder (capped in size by the host)",
    "cannot read any other process's memory or /proc files (its own only), nor signal or trace one",
    "no network: every socket is refused (seccomp) and TCP is closed (Landlock)",
    "seccomp also refuses changing file modes, owners and times, namespaces, mounts, io_uring, "
    "and leaving its process group; no_new_privs is set, so nothing can regain privileges",
]
NONE = [
    "no sandbox: learner code can read whatever this server's user can read, including the exercises' "
    "reference solutions, and can use the network; use it only on your own machine",
]


@functools.lru_cache(maxsize=1)
def isolation() -> Isolation:
    """Probe once which isolation works on this host, strongest first."""
    wanted = requested_level()
    reasons: list[str] = []
    exposed = _exposed_project()
    if wanted == "none":
        return Isolation("none", "disabled by NNX_DOJO_SANDBOX=none", COMMON + NONE)
    if exposed:
        return Isolation("none", exposed, COMMON + NONE)
    if wanted in ("auto", "bubblewrap"):
        reason = _probe_bubblewrap()
        if reason is None:
            return Isolation("bubblewrap", "", COMMON + BUBBLEWRAP)
        reasons.append(reason)
    else:
        reasons.append("bubblewrap not tried: NNX_DOJO_SANDBOX=landlock")
    reason = _probe_landlock()
    if reason is None:
        return Isolation("landlock", "; ".join(reasons), COMMON + LANDLOCK)
    return Isolation("none", "; ".join([*reasons, reason]), COMMON + NONE)


def ensure_allowed() -> None:
    """Raise `SandboxRefused` when learner code may not run here (a public instance at level none)."""
    if config.public_instance() and isolation().level == "none":
        raise SandboxRefused(REFUSED_AT_NONE)
