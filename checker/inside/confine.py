"""Confine this process without privileges: Landlock file and network rules, a seccomp filter, no_new_privs.

Called by the learner's process as its very first step (before numpy or XLA start any thread,
since Landlock binds only the calling thread), when the host runs at the "landlock" level.
The host decides what may be read and written and passes it on the command line; this module
only applies it. If any part cannot be applied the process must not go on: `apply` raises and
the child exits before it reads a job.

Landlock is driven through its three system calls with ctypes: the `landlock` package on PyPI
covers only file rules, and this level also needs network rules (ABI 4) and scoping (ABI 6).
The seccomp filter is built with libseccomp through `pyseccomp`.
"""

from __future__ import annotations

import ctypes
import errno
import os
from dataclasses import dataclass, field

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

# Filesystem access rights, and the ABI that introduced each.
EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
_FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV
READ_RIGHTS = EXECUTE | READ_FILE | READ_DIR
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1  # ABI 4
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1  # ABI 6

# System calls learner code has no use for, each a known way out of a same-user sandbox:
# reading or steering other processes, changing files Landlock does not cover (mode, owner,
# times, extended attributes, truncation by path), leaving the process group the host kills,
# namespaces, kernel interfaces that bypass the filter (io_uring) and every socket.
DENIED_SYSCALLS = (
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_open", "pidfd_getfd",
    "pidfd_send_signal", "tkill", "perf_event_open", "bpf", "userfaultfd", "keyctl", "add_key",
    "request_key", "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "setsid", "setpgid",
    "io_uring_setup", "io_uring_enter", "io_uring_register", "socket", "socketpair", "truncate",
    "chmod", "fchmod", "fchmodat", "fchmodat2", "chown", "fchown", "lchown", "fchownat",
    "setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr", "fremovexattr",
    "utime", "utimes", "utimensat", "futimesat", "name_to_handle_at", "open_by_handle_at",
    "fanotify_init", "open_tree", "move_mount", "fsopen", "fsmount", "fsconfig", "fspick",
    "mount_setattr", "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "reboot", "swapon", "swapoff", "acct", "quotactl", "syslog", "settimeofday", "clock_settime",
)  # fmt: skip
# Signals may go to this process only (its own threads included), never to another one.
SIGNAL_SYSCALLS = ("kill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo")


@dataclass
class Rules:
    """What the confined process may touch: paths readable (and executable), paths fully writable."""

    read: list[str] = field(default_factory=list)
    write: list[str] = field(default_factory=list)


class ConfinementError(RuntimeError):
    """The confinement could not be applied; the process must not run learner code."""


def _syscall() -> ctypes._CFuncPtr:
    libc = ctypes.CDLL(None, use_errno=True)
    function = libc.syscall
    function.restype = ctypes.c_long
    return function


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1  # the kernel's struct is packed: 12 bytes
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def abi_version() -> int:
    """The kernel's Landlock ABI version; 0 when Landlock is missing or disabled."""
    result = _syscall()(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return max(int(result), 0)


def _handled_fs(abi: int) -> int:
    return _FS_BY_ABI[max(k for k in _FS_BY_ABI if k <= abi)]


def _landlock(rules: Rules, abi: int) -> None:
    syscall = _syscall()
    handled = _handled_fs(abi)
    attr = _RulesetAttr(fs=handled)
    size = 8
    if abi >= 4:
        attr.net, size = NET_BIND_TCP | NET_CONNECT_TCP, 16  # no network rule follows: no TCP at all
    if abi >= 6:
        attr.scoped, size = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL, 24
    ruleset = syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        raise ConfinementError(f"landlock_create_ruleset failed: {os.strerror(ctypes.get_errno())}")
    try:
        for paths, rights in ((rules.read, READ_RIGHTS), (rules.write, handled)):
            for path in paths:
                _add_path(syscall, ruleset, path, rights & handled)
        if syscall(_SYS_RESTRICT_SELF, ruleset, ctypes.c_uint32(0)) < 0:
            raise ConfinementError(f"landlock_restrict_self failed: {os.strerror(ctypes.get_errno())}")
    finally:
        os.close(ruleset)


def _add_path(syscall: ctypes._CFuncPtr, ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except FileNotFoundError:
        return  # an optional system path this host does not have
    try:
        if not os.path.isdir(f"/proc/self/fd/{fd}"):
            rights &= FILE_RIGHTS  # a rule on a file may carry file rights only
        rule = _PathBeneath(allowed_access=rights, parent_fd=fd)
        if syscall(_SYS_ADD_RULE, ruleset, _RULE_PATH_BENEATH, ctypes.byref(rule), ctypes.c_uint32(0)) < 0:
            raise ConfinementError(f"landlock_add_rule({path}) failed: {os.strerror(ctypes.get_errno())}")
    finally:
        os.close(fd)


def _seccomp() -> None:
    try:
        import pyseccomp as seccomp
    except (ImportError, RuntimeError) as exc:  # RuntimeError: libseccomp itself is missing
        raise ConfinementError(f"seccomp is unavailable: {exc}") from exc
    denied = seccomp.ERRNO(errno.EPERM)
    sandbox = seccomp.SyscallFilter(seccomp.ALLOW)
    for name in DENIED_SYSCALLS:
        try:
            sandbox.add_rule(denied, name)
        except (OSError, ValueError, RuntimeError):
            continue  # a call this architecture or libseccomp does not know cannot be made either
    me = os.getpid()
    for name in SIGNAL_SYSCALLS:
        sandbox.add_rule(denied, name, seccomp.Arg(0, seccomp.NE, me))
    sandbox.load()  # sets no_new_privs itself


def apply(rules: Rules) -> int:
    """Confine the calling process (and every process it starts) for good; returns the Landlock ABI used."""
    abi = abi_version()
    if abi < 1:
        raise ConfinementError("Landlock is not available in this kernel")
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise ConfinementError(f"no_new_privs failed: {os.strerror(ctypes.get_errno())}")
    _seccomp()
    _landlock(rules, abi)
    return abi


def _probe(argv: list[str]) -> int:
    """Apply `argv[0]` (rules as JSON), then prove `argv[1]` cannot be read nor `argv[2]` written."""
    import json

    spec = json.loads(argv[0])
    try:
        abi = apply(Rules(read=spec["read"], write=spec["write"]))
    except ConfinementError as exc:
        print(exc)
        return 1
    for path, flags in ((argv[1], os.O_RDONLY), (argv[2], os.O_WRONLY | os.O_CREAT | os.O_EXCL)):
        try:
            os.close(os.open(path, flags))
        except PermissionError:
            continue
        except OSError as exc:
            print(f"unexpected answer for {path}: {exc}")
            return 1
        print(f"Landlock did not stop access to {path}")
        return 1
    print(f"confined (Landlock ABI {abi})")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_probe(sys.argv[1:]))
