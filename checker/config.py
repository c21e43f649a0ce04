"""Settings read from the environment, with defaults suited to a small host."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def cache_dir() -> Path:
    """Where cached reference outputs live (NNX_DOJO_CACHE_DIR)."""
    if os.environ.get("NNX_DOJO_CACHE_DIR"):
        return Path(os.environ["NNX_DOJO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nnx-dojo"


def xla_cache_dir() -> Path:
    """JAX's persistent compilation cache, written only by trusted reference runs."""
    return cache_dir() / "xla"


def memory_limit_mb() -> int:
    """Data-segment limit for a learner process in MiB (NNX_DOJO_MEMORY_MB)."""
    return _int("NNX_DOJO_MEMORY_MB", 3072)


def stdout_cap() -> int:
    """Characters of printed output kept per case (NNX_DOJO_STDOUT_CAP)."""
    return _int("NNX_DOJO_STDOUT_CAP", 8_000)


def stdout_hard_cap() -> int:
    """Characters of printed output per case past which the run stops (NNX_DOJO_STDOUT_HARD_CAP)."""
    return _int("NNX_DOJO_STDOUT_HARD_CAP", 1_000_000)


def time_limit_scale() -> float:
    """Multiplier for every exercise's time limit (NNX_DOJO_TIME_SCALE), for slow hosts."""
    try:
        return float(os.environ.get("NNX_DOJO_TIME_SCALE", "1"))
    except ValueError:
        return 1.0


def pool_size() -> int:
    """Warm learner processes kept ready by the app (NNX_DOJO_POOL_SIZE); 0 disables the pool."""
    return max(_int("NNX_DOJO_POOL_SIZE", 2), 0)


def max_concurrent_checks() -> int:
    """Learner processes allowed to run at once (NNX_DOJO_MAX_CONCURRENT); others queue."""
    return max(_int("NNX_DOJO_MAX_CONCURRENT", os.cpu_count() or 2), 1)


def disk_limit_mb() -> int:
    """MiB a learner process may write to its working folder (NNX_DOJO_DISK_MB)."""
    return max(_int("NNX_DOJO_DISK_MB", 64), 1)


def disk_limit_bytes() -> int:
    """`disk_limit_mb()` in bytes."""
    return disk_limit_mb() * 1024 * 1024


COMMUNITY_CLOUD_SOURCE = Path("/mount/src")  # where Streamlit Community Cloud checks out an app


def public_instance() -> bool:
    """True on an instance open to anonymous visitors: NNX_DOJO_PUBLIC=1, or detected Community Cloud.

    NNX_DOJO_PUBLIC=0 says explicitly that this is not one. Community Cloud is recognised by the
    app's source living under /mount/src, where that platform checks out every app.
    """
    setting = os.environ.get("NNX_DOJO_PUBLIC", "").strip().lower()
    if setting in ("1", "true", "yes", "on"):
        return True
    if setting in ("0", "false", "no", "off"):
        return False
    return PROJECT_ROOT.is_relative_to(COMMUNITY_CLOUD_SOURCE)
