"""The check task a worker host runs: judge one job on this host's checkout and warm pool, store it once."""

from __future__ import annotations

import threading

from celery.exceptions import Reject

from checker import core
from checker.taskqueue import contract
from checker.taskqueue.verdicts import VerdictStore
from checker.verdict import Status, Verdict, text

_stores: dict[str, VerdictStore] = {}
_lock = threading.Lock()


def _store(task) -> VerdictStore:
    url = task.app.conf.broker_url
    with _lock:
        if url not in _stores:
            _stores[url] = VerdictStore(contract.redis_client(url), int(task.app.conf.result_expires))
        return _stores[url]


def run_job(task, job_id, slug, source, mode) -> str:
    """Judge `source` for exercise `slug` and return the job's verdict JSON (the stored one if it exists).

    Every argument comes off the queue and is checked here; a job run again after its first worker
    died returns the verdict already stored instead of judging a second time.
    """
    if not isinstance(job_id, str) or not contract.JOB_ID.fullmatch(job_id):
        raise Reject("malformed job id", requeue=False)  # nobody can be waiting for it: drop it
    store = _store(task)
    stored = store.first(job_id)
    if stored is not None:
        return stored
    return store.put_first(job_id, judge(slug, source, mode).to_json())


def judge(slug, source, mode) -> Verdict:
    """The verdict for one job's fields, or an internal-error verdict when a field is malformed."""
    problems = []
    if not isinstance(slug, str):
        problems.append("the exercise name is not text")
    elif len(slug) > 100:
        problems.append("the exercise name is longer than 100 characters")
    if not isinstance(source, str):
        problems.append("the code is not text")
    if mode not in core.MODES:
        problems.append(f"the mode is not one of {', '.join(core.MODES)}")
    if problems:
        shown_slug = text(slug, limit=100) if isinstance(slug, str) else ""
        shown_mode = mode if mode in core.MODES else "submit"
        message = "The checking service received a malformed job: " + "; ".join(problems) + "."
        return Verdict(shown_slug, shown_mode, Status.INTERNAL_ERROR, message=message)
    return core.check(slug, source, mode)
