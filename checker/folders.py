"""Host folders for learner runs: one private parent per server process, safe removal, stale sweeps.

Every run folder the host creates lives under `<tmp>/nnx-dojo-<pid>/`, removed when the process
exits (normally or on SIGTERM) and swept by the next process after a crash. Removal never
follows a link, never recurses in Python (a learner can build a tree thousands of levels deep)
and holds a bounded number of file descriptors.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import re
import stat
import tempfile
import threading
from pathlib import Path

PREFIX = "nnx-dojo-"
MAX_OPEN_LEVELS = 64  # deeper directories are moved up to the top before being emptied
_OPEN_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_base: Path | None = None
_moved = itertools.count()
_lock = threading.Lock()


def base() -> Path:
    """This process's private parent folder for run folders (created on first use)."""
    global _base
    with _lock:
        if _base is None:
            _base = Path(tempfile.gettempdir()) / f"{PREFIX}{os.getpid()}"
            _base.mkdir(mode=0o700, exist_ok=True)
            atexit.register(remove_base)
        return _base


def new_run_folder(kind: str = "run") -> Path:
    """A fresh, private, empty folder for one learner process."""
    return Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=base()))


def remove_base() -> None:
    """Remove this process's parent folder and everything below it."""
    global _base
    with _lock:
        if _base is not None:
            remove_tree(_base)
            _base = None


def sweep_stale(parent: Path | None = None) -> list[Path]:
    """Remove the parent folders of checker processes that no longer run; returns what was removed."""
    parent = parent or Path(tempfile.gettempdir())
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            match = re.fullmatch(rf"{PREFIX}(\d+)", entry.name)
            if match and entry.is_dir(follow_symlinks=False) and not _alive(int(match.group(1))):
                remove_tree(Path(entry.path))
                removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def disk_usage(path: Path, stop_at: int, max_entries: int = 100_000) -> int:
    """Bytes allocated below `path` without following links; stops counting past `stop_at`."""
    total, seen = 0, 0
    pending = [str(path)]
    while pending and total <= stop_at and seen < max_entries:
        with contextlib.suppress(OSError), os.scandir(pending.pop()) as entries:
            for entry in entries:
                seen += 1
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    total += info.st_blocks * 512
                    if stat.S_ISDIR(info.st_mode):
                        pending.append(entry.path)
    return total if seen < max_entries else max(total, stop_at + 1)  # a million tiny files is too much too


def remove_tree(path: Path) -> None:
    """Delete `path` and everything below it: no link is followed, no recursion, however deep."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    parent = os.open(path.parent, _OPEN_DIR)
    try:
        if not stat.S_ISDIR(info.st_mode):
            os.unlink(path.name, dir_fd=parent)
            return
        top = _open_dir(parent, path.name)
        try:
            while not _empty_once(top):
                pass
        finally:
            os.close(top)
        os.rmdir(path.name, dir_fd=parent)
    except FileNotFoundError:
        pass
    finally:
        os.close(parent)


def _open_dir(parent: int, name: str) -> int:
    try:
        return os.open(name, _OPEN_DIR, dir_fd=parent)
    except PermissionError:  # a learner may have taken the permissions away
        os.chmod(name, 0o700, dir_fd=parent)
        return os.open(name, _OPEN_DIR, dir_fd=parent)


def _empty_once(top: int) -> bool:
    """One depth-first pass over `top`; True when it is empty afterwards.

    Directories nested deeper than `MAX_OPEN_LEVELS` are renamed into `top` and emptied by a later
    pass, so at most that many descriptors are open at once.
    """
    stack: list[tuple[int, str, list[str]]] = [(top, "", _names(top))]
    while stack:
        fd, name, remaining = stack[-1]
        if not remaining:
            stack.pop()
            if stack:
                os.close(fd)
                parent_fd = stack[-1][0]
                with contextlib.suppress(FileNotFoundError):
                    os.rmdir(name, dir_fd=parent_fd)
            continue
        child = remaining.pop()
        try:
            info = os.lstat(child, dir_fd=fd)
        except FileNotFoundError:
            continue
        if not stat.S_ISDIR(info.st_mode):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(child, dir_fd=fd)
        elif len(stack) >= MAX_OPEN_LEVELS:
            os.rename(child, f".deep-{next(_moved)}", src_dir_fd=fd, dst_dir_fd=top)
        else:
            child_fd = _open_dir(fd, child)
            stack.append((child_fd, child, _names(child_fd)))
    return not _names(top)


def _names(fd: int) -> list[str]:
    with os.scandir(fd) as entries:
        return [entry.name for entry in entries]
