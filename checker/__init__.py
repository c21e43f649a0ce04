"""NNX Dojo checker: runs a learner's code in a separate process and judges it against a reference.

The public names are loaded on first use, so that `checker.inside` (the code that runs in the
learner's sandboxed process) can be imported without loading any host module.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "check": "checker.core",
    "CaseResult": "checker.verdict",
    "ErrorInfo": "checker.verdict",
    "Status": "checker.verdict",
    "Verdict": "checker.verdict",
    "Problem": "checker.problems",
    "ProblemError": "checker.problems",
    "list_problems": "checker.problems",
    "load_problem": "checker.problems",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
