"""The worker hosts' registry in Redis: each live host's exercises (with a content hash), libraries and isolation."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker.problems import Problem
from checker.taskqueue import contract

log = logging.getLogger("nnx_dojo.queue")
RECORD_VERSION = 1
LIBRARIES = ("jax", "jaxlib", "flax", "optax", "numpy")
ISOLATION_LEVELS = ("bubblewrap", "process")
MAX_WORKERS = 1000  # registry records read per look-up; a flood of forged ones cannot stall the app
MAX_RECORD_BYTES = 256 * 1024
_HASH = re.compile(r"[0-9a-f]{16}")
_VERSION = re.compile(r"[0-9A-Za-z.+-]{1,40}")


@dataclass(frozen=True)
class WorkerInfo:
    """One live worker host, as its registry record describes it (every field checked)."""

    node: str
    isolation: str
    cgroups: bool
    concurrency: int
    exercises: dict[str, str]  # slug -> content hash of the exercise folder
    libraries: dict[str, str]


def exercise_hash(folder: Path) -> str:
    """A hash of every file of an exercise folder (names and contents), so hosts can compare versions."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def exercise_hashes(problems: list[Problem]) -> dict[str, str]:
    """Content hash per exercise slug."""
    return {problem.slug: exercise_hash(problem.folder) for problem in problems}


def worker_record(node: str, concurrency: int, problems: list[Problem]) -> dict:
    """What a worker host announces about itself."""
    from checker import cgroups
    from checker.expected import library_versions
    from checker.sandbox import isolation

    versions = library_versions()
    return {
        "version": RECORD_VERSION,
        "node": node,
        "isolation": isolation().level,
        "cgroups": cgroups.available(),
        "concurrency": concurrency,
        "exercises": exercise_hashes(problems),
        "libraries": {name: versions.get(name, "missing") for name in LIBRARIES},
        "pid": os.getpid(),
    }


def parse_worker(raw: bytes | str | None) -> WorkerInfo | None:
    """A registry record as a `WorkerInfo`, or None if anything in it is malformed (it is then ignored)."""
    try:
        if raw is None or len(raw) > MAX_RECORD_BYTES:
            return None
        data = json.loads(raw)
        exercises, libraries = data["exercises"], data["libraries"]
        concurrency = data["concurrency"]
        valid = (
            data["version"] == RECORD_VERSION
            and isinstance(data["node"], str)
            and contract.NODE_NAME.fullmatch(data["node"])
            and data["isolation"] in ISOLATION_LEVELS
            and isinstance(data["cgroups"], bool)
            and type(concurrency) is int
            and 1 <= concurrency <= 1024
            and isinstance(exercises, dict)
            and len(exercises) <= 10_000
            and all(isinstance(k, str) and contract.SLUG.fullmatch(k) for k in exercises)
            and all(isinstance(v, str) and _HASH.fullmatch(v) for v in exercises.values())
            and isinstance(libraries, dict)
            and all(k in LIBRARIES and isinstance(v, str) and _VERSION.fullmatch(v) for k, v in libraries.items())
        )
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    if not valid:
        return None
    return WorkerInfo(data["node"], data["isolation"], data["cgroups"], concurrency, dict(exercises), dict(libraries))


def live_workers(client) -> list[WorkerInfo]:
    """Every worker host whose registry record has not expired."""
    keys = []
    for key in client.scan_iter(match=contract.WORKER_KEY + "*", count=200):
        keys.append(key)
        if len(keys) >= MAX_WORKERS:
            break
    if not keys:
        return []
    found = (parse_worker(raw) for raw in client.mget(keys))
    return [worker for worker in found if worker is not None]


def node_alive(client, node: str) -> bool:
    """True while `node`'s registry record exists."""
    return bool(client.exists(contract.WORKER_KEY + node))


class Heartbeat:
    """Refreshes a worker host's record (with a time to live) and hands it the exercises learners have open."""

    def __init__(self, client, record: dict, on_wanted: Callable[[str], None], wanted_count: int) -> None:
        self.client = client
        self.key = contract.WORKER_KEY + record["node"]
        self.payload = json.dumps(record)
        self.serves = set(record["exercises"])
        self.on_wanted = on_wanted
        self.wanted_count = wanted_count
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="nnx-dojo-heartbeat", daemon=True)

    def beat(self) -> None:
        """Refresh the record once and pass on the wanted exercises this host serves."""
        self.client.set(self.key, self.payload, ex=math.ceil(contract.registry_ttl_s()))
        if self.wanted_count <= 0:
            return
        for raw in self.client.zrevrange(contract.WANTED_KEY, 0, self.wanted_count - 1):
            slug = raw.decode("utf-8", errors="replace")
            if slug in self.serves:  # anything else in the set is ignored, whoever put it there
                self.on_wanted(slug)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.beat()
            except Exception:  # the broker may be away for a while; keep trying
                log.exception("heartbeat failed")
            self._stop.wait(contract.heartbeat_s())

    def start(self) -> None:
        """Announce this host now, then keep the record fresh in the background."""
        self.beat()
        self._thread.start()

    def stop(self) -> None:
        """Stop refreshing and withdraw the record (a clean shutdown)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        try:
            self.client.delete(self.key)
        except Exception:
            log.warning("could not withdraw %s from the registry", self.key)
