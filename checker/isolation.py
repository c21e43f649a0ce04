"""A plain-language account of how learner code is isolated on this host."""

from __future__ import annotations

from checker import cgroups, config
from checker.sandbox import isolation


def describe_isolation() -> list[str]:
    """One sentence per protection actually applied to learner processes here."""
    report = isolation()
    lines = [f"Isolation level: **{report.level}**" + (f" (not stronger: {report.reason})" if report.reason else "")]
    if config.public_instance():
        lines.append(
            "This is a public instance: learner code runs only inside a sandbox"
            + (", and there is none here, so no code is run." if report.level == "none" else ".")
        )
    lines += [line[0].upper() + line[1:] + "." for line in report.protections]
    lines.append(
        f"Limits: {config.memory_limit_mb()} MiB of memory, 16 MiB per written file and "
        f"{config.stdout_hard_cap():,} printed characters per case, plus the exercise's time limit."
    )
    if cgroups.available():
        lines.append("A control group per run caps processes and memory and kills everything left at the end.")
    lines += [
        "Each case executes your file anew in an empty namespace, so globals never carry over between cases.",
        "Expected outputs never enter your process: it only reports what your function returned, and the "
        "verdict is computed outside it.",
    ]
    if report.level != "none":
        lines.append("Compiled kernels are shared read-only: your process can load them but not change them.")
    return lines
