"""The one door between the app (or the CLI) and the checker: start, prepare an exercise, check, describe.

Today the only backend is the local one: a warm pool of sandboxed learner processes on this
machine, with a fresh process whenever no warm one is ready. Reference outputs are computed
per exercise when it is first prepared or checked, never all at start-up.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from checker import core, pool, sandbox
from checker.expected import expected_outputs
from checker.isolation import describe_isolation
from checker.problems import load_problem
from checker.verdict import Verdict

log = logging.getLogger("nnx_dojo.service")
_prepared: set[str] = set()
_lock = threading.Lock()


def start() -> None:
    """Start the local backend (the warm pool; its size comes from NNX_DOJO_POOL_SIZE).

    On a public instance without a sandbox no learner process is ever started, warm or not.
    """
    if refusal() is None:
        pool.start_default_pool()


def refusal() -> str | None:
    """Why this instance refuses to run learner code at all, or None when it runs it."""
    try:
        sandbox.ensure_allowed()
    except sandbox.SandboxRefused as exc:
        return str(exc)
    return None


def prepare(slug: str) -> None:
    """Get ready to check `slug` soon: warm a worker for it, compute its reference outputs in the background."""
    workers = pool.default_pool()
    if workers is not None:
        workers.want(slug)
    with _lock:
        if slug in _prepared:
            return
        _prepared.add(slug)
    threading.Thread(target=_compute_reference, args=(slug,), name=f"reference-{slug}", daemon=True).start()


def _compute_reference(slug: str) -> None:
    try:
        expected_outputs(load_problem(slug))
    except Exception:  # logged; a check of this exercise will report the reason
        log.exception("reference outputs for %s failed", slug)
        with _lock:
            _prepared.discard(slug)  # the next visit tries again


def check(slug: str, source: str | bytes, mode: str = "submit", root: Path | None = None) -> Verdict:
    """Judge `source` against exercise `slug` ('run': visible cases, 'submit': all); always a verdict."""
    return core.check(slug, source, mode, root=root)


def isolation_report() -> list[str]:
    """One sentence per protection applied to learner code on this host."""
    return describe_isolation()
