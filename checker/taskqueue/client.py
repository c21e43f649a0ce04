"""The app's side of the queue: send a job, wait for its one stored verdict, say clearly when that cannot happen."""

from __future__ import annotations

import json
import logging
import math
import threading
import time
import uuid
from collections import Counter

import redis

from checker import core
from checker.problems import Problem, ProblemError, list_problems, load_problem
from checker.taskqueue import contract, registry
from checker.taskqueue.verdicts import VerdictStore
from checker.verdict import MAX_VERDICT_BYTES, Status, Verdict

log = logging.getLogger("nnx_dojo.queue")
LOST_CONTACT_S = 10.0  # the broker failing this long while a job runs ends the wait with a clear verdict
NOT_JUDGED = "Your code was not judged; please try again in a minute."


class QueueBackend:
    """Checks through Celery workers on other hosts; this process runs no learner code."""

    def __init__(self, url: str) -> None:
        self.url = contract.check_url(url)
        self.shown = contract.redact(url)
        self.client = contract.redis_client(url, timeout_s=5.0)
        try:
            limits = [problem.time_limit_s for problem in list_problems()]
        except ProblemError:
            limits = []
        self.visibility = contract.visibility_timeout_s(limits)
        self.verdicts = VerdictStore(self.client, contract.verdict_ttl_s(self.visibility))
        self._limits = limits
        self._app = None
        self._lock = threading.Lock()

    def _celery(self):
        with self._lock:
            if self._app is None:
                from checker.taskqueue.celeryapp import make_app

                self._app = make_app(self.url, self._limits)
            return self._app

    def start(self) -> None:
        """Nothing to start here: the workers run elsewhere. Logs whether the queue answers."""
        try:
            self.client.ping()
            log.info("checks go to the queue at %s", self.shown)
        except redis.RedisError as exc:
            log.warning("the queue at %s does not answer yet: %s", self.shown, exc)

    def prepare(self, slug: str) -> None:
        """Tell the workers a learner opened `slug`, so they warm a process for it (never blocks the page)."""
        if contract.SLUG.fullmatch(slug or ""):
            threading.Thread(target=self._want, args=(slug,), name="nnx-dojo-want", daemon=True).start()

    def _want(self, slug: str) -> None:
        try:
            with self.client.pipeline() as pipe:
                pipe.zadd(contract.WANTED_KEY, {slug: time.time()})
                pipe.zremrangebyrank(contract.WANTED_KEY, 0, -contract.MAX_WANTED - 1)
                pipe.execute()
        except redis.RedisError as exc:
            log.info("could not ask the workers to warm %s: %s", slug, exc)

    def check(self, slug: str, source: str | bytes, mode: str = "submit") -> Verdict:
        """Judge `source` on a worker host; always a verdict, within the exercise's allowance."""
        try:
            return self._check(slug, source, mode)
        except Exception as exc:  # the app always gets an answer, even when this side is broken
            log.exception("queue check failed")
            return _internal(slug, mode, f"Checker error: {type(exc).__name__}: {exc}. {NOT_JUDGED}")

    def _check(self, slug: str, source: str | bytes, mode: str) -> Verdict:
        if mode not in core.MODES:
            return _internal(slug, mode, f"mode must be one of {core.MODES}, got {mode!r}")
        problem = _local_problem(slug)
        if problem is not None and (isinstance(source, bytes) or len(source) > core.MAX_SOURCE_CHARS):
            prepared = core.prepare(problem, source, mode)  # answers undecodable or oversized code before compiling
            if isinstance(prepared, Verdict):
                return prepared
            source = prepared[0]
        if isinstance(source, bytes) or len(source) > core.MAX_SOURCE_CHARS:
            return _internal(slug, mode, f"The code is not UTF-8 text of at most {core.MAX_SOURCE_CHARS:,} characters.")
        try:
            self.client.ping()
        except redis.RedisError:
            unreachable = f"The checking service is unreachable (no answer from {self.shown})."
            return _internal(slug, mode, f"{unreachable} {NOT_JUDGED}")
        workers = registry.live_workers(self.client)
        if not any(slug in worker.exercises for worker in workers):
            nobody = f"No checking worker serves the exercise {slug!r} right now ({len(workers)} running)."
            return _internal(slug, mode, f"{nobody} {NOT_JUDGED}")
        job_id = uuid.uuid4().hex
        time_limit = problem.time_limit_s if problem is not None else contract.DEFAULT_TIME_LIMIT_S
        send = lambda: self.send(job_id, slug, source, mode)  # noqa: E731
        return self.wait(job_id, slug, mode, contract.wait_seconds(time_limit), send, {w.node for w in workers})

    def send(self, job_id: str, slug: str, source: str, mode: str) -> None:
        """Put one job on the queue (again, after its worker died: the same job id, so still one verdict)."""
        self._celery().send_task(contract.TASK_NAME, args=[job_id, slug, source, mode], task_id=job_id, retry=False)

    def wait(
        self, job_id: str, slug: str, mode: str, allowance: float, send=None, known: set[str] | None = None
    ) -> Verdict:
        """Send (if `send` is given) and wait up to `allowance` s for the job's stored verdict.

        The job is sent again once for each worker that dies holding it (`known`: the workers alive
        when it was sent); past the allowance a clear verdict is stored and returned instead, unless
        a real one got there first.
        """
        known = set(known or ())
        pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(contract.RESULT_KEY + job_id)  # Celery publishes every state change of the job here
        try:
            if send is not None:
                send()
            deadline = time.monotonic() + allowance
            resent_for: set[str] = set()
            failing_since = None
            while True:
                try:
                    stored = self.verdicts.first(job_id)
                    if stored is not None:
                        return self.read(stored, slug, mode)
                    state, node, failure = self._state(job_id)
                    if state == "FAILURE":
                        failed = f"The checking worker failed on this job ({failure})."
                        return _internal(slug, mode, f"{failed} {NOT_JUDGED}")
                    lost = self._lost_holder(state, node, known, resent_for)
                    if lost is not None and send is not None:
                        log.warning("job %s: worker %s is gone; sending the job again", job_id, lost)
                        resent_for.add(lost)
                        send()
                        deadline = max(deadline, time.monotonic() + allowance)
                    if time.monotonic() >= deadline:
                        late = _internal(
                            slug,
                            mode,
                            f"No verdict within {allowance:.0f} s: the checking workers are overloaded or "
                            f"stopped. {NOT_JUDGED}",
                        )
                        return self.read(self.verdicts.put_first(job_id, late.to_json()), slug, mode)
                    failing_since = None
                    pubsub.get_message(timeout=max(0.01, min(1.0, deadline - time.monotonic())))
                except redis.RedisError as exc:
                    failing_since = failing_since or time.monotonic()
                    if time.monotonic() - failing_since > LOST_CONTACT_S:
                        return _internal(slug, mode, f"Lost contact with the checking service ({exc}). {NOT_JUDGED}")
                    time.sleep(0.5)
        finally:
            pubsub.close()

    def _state(self, job_id: str) -> tuple[str, str | None, str]:
        """Celery's record of the job, parsed strictly: (state, worker node running it, failure type)."""
        raw = self.client.get(contract.RESULT_KEY + job_id)
        try:
            meta = json.loads(raw) if raw is not None and len(raw) <= MAX_VERDICT_BYTES * 2 else {}
            state = meta.get("status") if isinstance(meta.get("status"), str) else "PENDING"
            result = meta.get("result") if isinstance(meta.get("result"), dict) else {}
        except (ValueError, AttributeError, RecursionError):
            return "PENDING", None, ""
        node = result.get("hostname") if state == "STARTED" else None
        node = node if isinstance(node, str) and contract.NODE_NAME.fullmatch(node) else None
        failure = result.get("exc_type") if state == "FAILURE" else ""
        failure = failure if isinstance(failure, str) and failure.isidentifier() else "an error"
        return state, node, failure

    def _lost_holder(self, state: str, node: str | None, known: set[str], resent_for: set[str]) -> str | None:
        """The worker that held this job and is now gone from the registry, if any (and not yet handled)."""
        if state == "STARTED" and node is not None and node not in resent_for:
            return None if registry.node_alive(self.client, node) else node
        # A job taken but not yet started by a worker that died comes back only after the
        # visibility timeout; a worker gone since the job was sent is reason enough to re-send.
        gone = state == "PENDING" and "(pending)" not in resent_for
        if gone and any(not registry.node_alive(self.client, other) for other in known):
            known.clear()
            return "(pending)"
        return None

    def read(self, raw: str, slug: str, mode: str) -> Verdict:
        """A stored verdict, trusted only once its JSON is well formed, of this schema and for this job."""
        try:
            if len(raw.encode("utf-8")) > MAX_VERDICT_BYTES:
                raise ValueError("too large")
            verdict = Verdict.from_json(raw)
            _check_fields(verdict)
            if verdict.slug != slug or verdict.mode != mode:
                raise ValueError("the verdict is for another exercise or mode")
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            log.warning("unreadable verdict from the queue: %s", type(exc).__name__)
            return _internal(slug, mode, f"The checking service returned an unreadable verdict. {NOT_JUDGED}")
        for case in verdict.cases:
            if not case.visible:  # whatever came back, a hidden case shows its status only
                case.expected = case.got = case.max_abs_error = case.reference_losses = None
        return verdict.bounded()

    def isolation_report(self) -> list[str]:
        """How learner code is isolated, as the live workers describe it (only checked fields are shown)."""
        lines = ["Your code is checked on separate worker hosts through a queue; this app never runs it."]
        try:
            workers = registry.live_workers(self.client)
        except redis.RedisError:
            return [*lines, "The checking service is unreachable right now."]
        if not workers:
            lines.append("No checking worker is running right now.")
        for level, count in sorted(Counter(w.isolation for w in workers).items()):
            hosts = f"{count} worker host isolates" if count == 1 else f"{count} worker hosts isolate"
            lines.append(f"{hosts} learner code with **{level}**.")
        if workers and all(w.cgroups for w in workers):
            lines.append("A control group per run caps processes and memory and kills everything left at the end.")
        lines += [
            "Every check runs in a separate process used for that one submission only, with memory, output "
            "and time limits.",
            "Expected outputs never enter your process: it only reports what your function returned, and the "
            "verdict is computed outside it.",
        ]
        return lines

    def describe_workers(self) -> list[str]:
        """One line per live worker host, compared with this checkout's exercises (for `doctor`)."""
        local = registry.exercise_hashes(list_problems())
        lines = []
        for worker in registry.live_workers(self.client):
            differ = sorted(s for s, h in worker.exercises.items() if s in local and local[s] != h)
            missing = sorted(set(local) - set(worker.exercises))
            lines.append(
                f"{worker.node}: {worker.isolation}, concurrency {worker.concurrency}, {len(worker.exercises)} "
                f"exercises ({len(differ)} differ from this checkout, {len(missing)} missing), "
                + ", ".join(f"{k} {v}" for k, v in sorted(worker.libraries.items()))
            )
        return lines


def _local_problem(slug: str) -> Problem | None:
    try:
        return load_problem(slug)
    except ProblemError:
        return None


def _internal(slug: str, mode: str, message: str) -> Verdict:
    return Verdict(slug, mode, Status.INTERNAL_ERROR, message=message)


def _check_fields(verdict: Verdict) -> None:
    """Type-check what the pages render, so a tampered verdict is refused rather than breaking a page."""

    def need(ok: bool, what: str) -> None:
        if not ok:
            raise ValueError(f"malformed verdict field {what}")

    number = (int, float)
    need(isinstance(verdict.slug, str) and isinstance(verdict.mode, str), "slug/mode")
    need(type(verdict.passed) is int and type(verdict.total) is int, "passed/total")
    need(isinstance(verdict.message, str) and isinstance(verdict.duration_s, number), "message/duration")
    need(isinstance(verdict.cases, list) and len(verdict.cases) <= 1000, "cases")
    for case in verdict.cases:
        need(isinstance(case.name, str) and isinstance(case.visible, bool), "case name/visible")
        need(all(isinstance(getattr(case, f), str) for f in ("message", "description", "stdout")), "case text")
        need(isinstance(case.time_s, number) and math.isfinite(case.time_s), "case time")
        need(case.max_abs_error is None or isinstance(case.max_abs_error, number), "case error size")
        need(isinstance(case.warnings, list) and all(isinstance(w, str) for w in case.warnings), "case warnings")
        for curve in (case.losses, case.reference_losses or []):
            need(isinstance(curve, list) and all(isinstance(v, number) for v in curve), "case losses")
    for error in [verdict.error] + [case.error for case in verdict.cases]:
        if error is not None:
            need(isinstance(error.type, str) and isinstance(error.message, str), "error text")
            need(isinstance(error.traceback, str) and isinstance(error.advice, list), "error traceback")
            need(error.line is None or type(error.line) is int, "error line")
