"""The one door between the app (or the CLI) and the checker: start, prepare an exercise, check, describe.

Two backends stand behind it. By default the local one: a warm pool of sandboxed learner processes
on this machine, with a fresh process whenever no warm one is ready; reference outputs are computed
per exercise when it is first prepared or checked. With NNX_DOJO_QUEUE_URL set (redis://...), the
queue: checks go to worker hosts (`python -m checker worker`) and this process runs no learner
code and starts no pool. Only then are the queue's modules (celery, redis) imported.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

from checker import core, pool, sandbox
from checker.expected import expected_outputs
from checker.isolation import describe_isolation
from checker.problems import load_problem
from checker.verdict import Status, Verdict

log = logging.getLogger("nnx_dojo.service")
_prepared: set[str] = set()
_lock = threading.Lock()
_queues: dict[str, Any] = {}


def queue_url() -> str:
    """The queue address from NNX_DOJO_QUEUE_URL, or '' for the local backend."""
    return os.environ.get("NNX_DOJO_QUEUE_URL", "").strip()


def _queue() -> Any:
    """The queue backend for NNX_DOJO_QUEUE_URL (one per address), or None when it is not set."""
    url = queue_url()
    if not url:
        return None
    with _lock:
        if url not in _queues:
            try:
                from checker.taskqueue.client import QueueBackend
            except ImportError as exc:
                missing = f"the queue's packages are missing (pip install -r requirements-queue.txt): {exc}"
                raise ValueError(missing) from exc
            _queues[url] = QueueBackend(url)
        return _queues[url]


def start() -> None:
    """Start the backend: the local warm pool (size from NNX_DOJO_POOL_SIZE), or nothing with a queue.

    On a public instance without a sandbox no learner process is ever started here, warm or not.
    """
    try:
        queue = _queue()
    except ValueError as exc:  # a malformed NNX_DOJO_QUEUE_URL: every check will say so
        log.error("NNX_DOJO_QUEUE_URL: %s", exc)
        return
    if queue is not None:
        queue.start()
    elif refusal() is None:
        pool.start_default_pool()


def refusal() -> str | None:
    """Why this instance refuses to run learner code at all, or None when it runs it (or a queue does)."""
    if queue_url():
        return None  # the worker hosts decide, each by its own sandbox
    try:
        sandbox.ensure_allowed()
    except sandbox.SandboxRefused:
        return f"{sandbox.NO_SANDBOX_ON_PUBLIC}."
    return None


def prepare(slug: str) -> None:
    """Get ready to check `slug` soon: warm a worker for it (here or on the worker hosts)."""
    try:
        queue = _queue()
    except ValueError:
        return
    if queue is not None:
        queue.prepare(slug)
    else:
        prepare_local(slug)


def prepare_local(slug: str) -> None:
    """Warm a local pool worker for `slug` and compute its reference outputs in the background."""
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
    """Judge `source` against exercise `slug` ('run': visible cases, 'submit': all); always a verdict.

    `root` (another problems folder) is a local notion: such checks always run here.
    """
    try:
        queue = _queue() if root is None else None
    except ValueError as exc:
        return Verdict(slug, mode, Status.INTERNAL_ERROR, message=f"The checking service is misconfigured: {exc}")
    if queue is not None:
        return queue.check(slug, source, mode)
    return core.check(slug, source, mode, root=root)


def isolation_report() -> list[str]:
    """One sentence (Markdown) per protection applied to learner code, here or on the worker hosts."""
    try:
        queue = _queue()
    except ValueError as exc:
        return [f"The checking service is misconfigured: {exc}"]
    return queue.isolation_report() if queue is not None else describe_isolation()


def describe_queue() -> list[str]:
    """The queue's address and one line per live worker host, or [] with the local backend."""
    queue = _queue()
    if queue is None:
        return []
    return [f"queue: {queue.shown}", *queue.describe_workers()]
