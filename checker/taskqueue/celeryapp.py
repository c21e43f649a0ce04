"""The Celery application: Redis broker, late acknowledgement, JSON only, one job per free slot."""

from __future__ import annotations

from celery import Celery

from checker.taskqueue import contract


def make_app(url: str, time_limits: list[float], worker: bool = False) -> Celery:
    """A Celery app on the Redis at `url`; a worker's also stores results there and runs the check task.

    The app side has no result backend: it reads a job's state and verdict straight from Redis,
    parsing them itself, so it never subscribes a shared connection to every job it sends.
    """
    contract.check_url(url)
    visibility = contract.visibility_timeout_s(time_limits)
    app = Celery("nnx_dojo", broker=url, backend=url if worker else None, set_as_current=False)
    transport = {
        "visibility_timeout": visibility,  # a job held longer than the longest check goes to another worker
        "unacked_restore_interval": 10,  # how often workers look for such jobs ...
        "unacked_restore_throttle": 1,  # ... every time, not every tenth time
        "socket_connect_timeout": contract.PING_TIMEOUT_S,
    }
    if not worker:
        transport["socket_timeout"] = 10.0  # a publish to a hung broker fails instead of hanging the page
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],  # a pickled message is refused, never unpickled
        result_accept_content=["json"],
        task_default_queue=contract.QUEUE_NAME,
        task_acks_late=True,  # acknowledged only once the verdict is stored: a killed worker loses nothing
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True,
        task_track_started=True,  # the app sees which worker runs its job and notices when it dies
        worker_prefetch_multiplier=1,  # a worker holds only the jobs it is running
        broker_transport_options=transport,
        result_backend_transport_options={"visibility_timeout": visibility},
        result_expires=contract.verdict_ttl_s(visibility),
        broker_connection_timeout=contract.PING_TIMEOUT_S,
        broker_connection_retry_on_startup=True,
        worker_send_task_events=False,
        task_send_sent_event=False,
        worker_redirect_stdouts=False,
        worker_cancel_long_running_tasks_on_connection_loss=False,
        task_time_limit=None,  # the checker enforces each exercise's own limit
    )
    if worker:
        from checker.taskqueue.tasks import run_job

        app.task(name=contract.TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True, typing=True)(run_job)
    return app
