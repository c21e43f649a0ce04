"""NNX Dojo checker: runs a learner's code in a separate process and judges it against a reference."""

from checker.core import check
from checker.problems import Problem, ProblemError, list_problems, load_problem
from checker.verdict import CaseResult, ErrorInfo, Status, Verdict

__all__ = [
    "CaseResult",
    "ErrorInfo",
    "Problem",
    "ProblemError",
    "Status",
    "Verdict",
    "check",
    "list_problems",
    "load_problem",
]
