"""Reference outputs per exercise: computed once in a separate process, cached in memory and on disk."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
import tempfile
import threading
from dataclasses import dataclass

import numpy as np

from checker import config, runner
from checker.compare import decode_output
from checker.problems import Problem

REFERENCE_TIME_LIMIT_S = 300.0
_memory: dict[str, dict[str, ExpectedCase]] = {}
_locks: dict[str, threading.Lock] = {}  # one per exercise: computing one never delays another
_lock = threading.Lock()


class ReferenceFailed(Exception):
    """The reference solution did not produce a finite array for every case."""


@dataclass(frozen=True)
class ExpectedCase:
    """The reference's output and loss curve for one case."""

    output: np.ndarray
    losses: list[float]


@functools.lru_cache(maxsize=1)
def library_versions() -> dict[str, str]:
    """Installed versions of the libraries that decide the numbers."""
    versions = {}
    for name in ("jax", "jaxlib", "flax", "optax", "numpy"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def cache_key(problem: Problem) -> str:
    """Hash of the reference source, the cases file and the library versions."""
    digest = hashlib.sha256()
    for part in (problem.reference, (problem.folder / "cases.py").read_text(encoding="utf-8"), problem.entry):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(json.dumps(library_versions(), sort_keys=True).encode())
    return digest.hexdigest()[:32]


def expected_outputs(problem: Problem) -> dict[str, ExpectedCase]:
    """Reference results for every case of `problem`, computing them only when not cached."""
    key = f"{problem.slug}-{cache_key(problem)}"
    with _lock:
        if key in _memory:
            return _memory[key]
        own_lock = _locks.setdefault(key, threading.Lock())
    with own_lock:
        if key in _memory:
            return _memory[key]
        records = _read_disk(key)
        if records is None:
            records = _compute(problem)
            _write_disk(key, records)
        expected = {name: _to_expected(problem, name, record) for name, record in records.items()}
        with _lock:
            _memory[key] = expected
        return expected


def _compute(problem: Problem) -> dict[str, dict]:
    cases = problem.cases()
    run = runner.run_source(problem.reference, problem.entry, cases, REFERENCE_TIME_LIMIT_S, trusted=True)
    if run.syntax_error:
        raise ReferenceFailed(f"{problem.slug}: reference.py has a syntax error: {run.syntax_error['message']}")
    records = {}
    for case in cases:
        record = run.records.get(case.name)
        if record is None or record.get("status") != "ok":
            detail = run.detail if record is None else (record.get("error") or {}).get("message", record.get("status"))
            raise ReferenceFailed(f"{problem.slug}: reference failed on case {case.name!r}: {detail}")
        records[case.name] = {"output": record["output"], "losses": record.get("losses", [])}
    return records


def _to_expected(problem: Problem, name: str, record: dict) -> ExpectedCase:
    output = decode_output(record["output"])
    if output is None or not np.all(np.isfinite(output)):
        raise ReferenceFailed(f"{problem.slug}: reference output for case {name!r} is not a finite array")
    return ExpectedCase(output, [float(v) for v in record.get("losses", [])])


def _read_disk(key: str) -> dict[str, dict] | None:
    try:
        with open(config.cache_dir() / f"{key}.json", encoding="utf-8") as handle:
            data = json.load(handle)
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None  # missing or corrupt: recompute


def _write_disk(key: str, records: dict[str, dict]) -> None:
    """Atomic write; a read-only or full disk only costs a recomputation later."""
    directory = config.cache_dir()
    tmp = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(records, handle)
        os.replace(tmp, directory / f"{key}.json")
    except OSError:
        if tmp is not None:  # a half-written file (full disk) must not pile up
            with contextlib.suppress(OSError):
                os.remove(tmp)


def clear_memory_cache() -> None:
    """Forget in-memory results (tests use this)."""
    with _lock:
        _memory.clear()
