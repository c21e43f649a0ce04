"""What the app and the worker hosts agree on: names, Redis keys, job ids and time allowances."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit, urlunsplit

from checker import config, runner

TASK_NAME = "nnx_dojo.check"
QUEUE_NAME = "nnx-dojo-checks"
PREFIX = "nnx-dojo:"
WORKER_KEY = PREFIX + "worker:"  # + node name: a worker host's registry record, refreshed while it lives
VERDICT_KEY = PREFIX + "verdict:"  # + job id: the first finished verdict, written once (SET NX)
WANTED_KEY = PREFIX + "wanted"  # sorted set: exercises learners have open, most recent last
RESULT_KEY = "celery-task-meta-"  # + job id: Celery's own result record (state, worker), also published
MAX_WANTED = 32

JOB_ID = re.compile(r"[0-9a-f]{32}")
NODE_NAME = re.compile(r"nnx-dojo-[0-9a-f]{12}@[A-Za-z0-9._-]{1,200}")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")

JOB_MARGIN_S = 60.0  # queue hand-over, reference outputs not yet cached, a busy host
QUEUE_WAIT_S = 120.0  # how long a job may wait for a free worker slot before the learner is told to retry
PING_TIMEOUT_S = 2.0  # how long the app waits for the broker before saying it is down
DEFAULT_TIME_LIMIT_S = 30.0


def heartbeat_s() -> float:
    """Seconds between a worker host's registry refreshes (NNX_DOJO_QUEUE_HEARTBEAT_S, default 5)."""
    try:
        return max(float(os.environ.get("NNX_DOJO_QUEUE_HEARTBEAT_S", "5")), 0.2)
    except ValueError:
        return 5.0


def registry_ttl_s() -> float:
    """A worker missing this long (three heartbeats) counts as dead; its running job is sent again."""
    return 3 * heartbeat_s()


def job_seconds(time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> float:
    """The most one check may take on a worker: start-up allowance, the exercise's limit, and a margin."""
    return runner.STARTUP_TIMEOUT_S + time_limit_s * config.time_limit_scale() + JOB_MARGIN_S


def wait_seconds(time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> float:
    """How long the app waits for a verdict: a free worker slot, then the check itself."""
    return QUEUE_WAIT_S + job_seconds(time_limit_s)


def visibility_timeout_s(time_limits: list[float]) -> int:
    """How long an unacknowledged job stays with a worker before the broker hands it to another."""
    return int(job_seconds(max(time_limits, default=DEFAULT_TIME_LIMIT_S))) + 1


def verdict_ttl_s(visibility_timeout: int) -> int:
    """Stored verdicts outlive any late re-run of their job (which then returns the stored one)."""
    return visibility_timeout + 600


def redact(url: str) -> str:
    """The queue address without its password, fit for messages and logs."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, "", ""))
    except ValueError:
        return "(unreadable address)"


def check_url(url: str) -> str:
    """`url` if it names a Redis server (redis://, rediss:// or unix://), else ValueError."""
    scheme = urlsplit(url).scheme
    if scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"the queue address must start with redis://, rediss:// or unix://, got {redact(url)!r}")
    return url


def redis_client(url: str, timeout_s: float = 10.0):
    """A Redis client with short connect and command timeouts (a down queue answers quickly)."""
    import redis

    return redis.Redis.from_url(
        check_url(url), socket_connect_timeout=PING_TIMEOUT_S, socket_timeout=timeout_s, health_check_interval=30
    )
