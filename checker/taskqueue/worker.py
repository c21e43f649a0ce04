"""`python -m checker worker --queue URL`: a worker host with its own sandbox, pool, reference cache and exercises."""

from __future__ import annotations

import os
import re
import socket
import sys
import uuid

import redis

from checker import config, pool, service
from checker.problems import list_problems
from checker.sandbox import isolation
from checker.taskqueue import contract, registry
from checker.taskqueue.celeryapp import make_app


def node_name() -> str:
    """A unique Celery node name for this worker host: nnx-dojo-<random>@<host>."""
    host = re.sub(r"[^A-Za-z0-9._-]", "-", socket.gethostname())[:200] or "host"
    return f"nnx-dojo-{uuid.uuid4().hex[:12]}@{host}"


def serve(url: str, concurrency: int | None = None) -> int:
    """Serve checks from the queue at `url` until stopped; returns the exit code.

    The Celery worker runs in this process with a thread pool, so the one warm pool of learner
    processes is shared by all its slots; `concurrency` (default NNX_DOJO_MAX_CONCURRENT) is
    also the number of learner processes run at once.
    """
    try:
        contract.check_url(url)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if concurrency is not None:
        os.environ["NNX_DOJO_MAX_CONCURRENT"] = str(max(concurrency, 1))
    concurrency = config.max_concurrent_checks()
    client = contract.redis_client(url)
    try:
        client.ping()
    except redis.RedisError as exc:
        print(f"error: the queue at {contract.redact(url)} does not answer: {exc}", file=sys.stderr)
        return 2
    problems = list_problems()
    node = node_name()
    app = make_app(url, [p.time_limit_s for p in problems], worker=True)
    pool.start_default_pool()
    record = registry.worker_record(node, concurrency, problems)
    _print_summary(url, node, record)
    heartbeat = registry.Heartbeat(client, record, service.prepare_local, wanted_count=config.pool_size())
    heartbeat.start()
    argv = ["worker", "--pool=threads", f"--concurrency={concurrency}", f"--hostname={node}",
            f"--queues={contract.QUEUE_NAME}", "--without-gossip", "--without-mingle", "--without-heartbeat",
            "--loglevel=INFO"]  # fmt: skip
    try:
        app.worker_main(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int | None) else 1
    finally:
        heartbeat.stop()
        pool.stop_default_pool()
    return 0


def _print_summary(url: str, node: str, record: dict) -> None:
    report = isolation()
    print(f"worker {node} serving {contract.redact(url)}")
    print(f"  isolation: {report.level}" + (f" (not stronger: {report.reason})" if report.reason else ""))
    print(f"  per-run cgroups: {'yes' if record['cgroups'] else 'no'}")
    print(f"  concurrency: {record['concurrency']}, warm pool: {config.pool_size()}")
    print("  libraries: " + ", ".join(f"{k} {v}" for k, v in record["libraries"].items()))
    print(f"  exercises ({len(record['exercises'])}):")
    for slug, digest in record["exercises"].items():
        print(f"    {slug} {digest}")
    sys.stdout.flush()
