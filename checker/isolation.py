"""A plain-language account of how learner code is isolated on this host."""

from __future__ import annotations

from checker import config


def describe_isolation() -> list[str]:
    """One sentence per protection actually applied to learner processes."""
    return [
        "Your code runs in a separate Python process, never inside the web app, and a fresh one for every check.",
        "Each case executes your file anew in an empty namespace, so globals never carry over between cases.",
        "The process starts with an empty environment (no app settings or secrets) in a temporary folder "
        "that is deleted afterwards.",
        f"Limits: the exercise's wall-clock time limit, {config.memory_limit_mb()} MiB of memory, 16 MiB per "
        f"written file and {config.stdout_hard_cap():,} printed characters per case; past a limit the whole "
        "process group is killed.",
        "Expected outputs never enter your process: it only reports what your function returned, and the "
        "verdict is computed outside it.",
        "Compiled kernels are shared read-only: your process works on a private copy of the compilation cache.",
    ]
