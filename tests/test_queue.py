"""Checks through the queue: a real redis-server, two real worker hosts, one killed; hostile messages and results."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from checker import expected, runner, service
from checker.problems import load_problem
from checker.taskqueue import contract, local, registry
from checker.taskqueue.client import QueueBackend
from checker.validate import declared_status
from checker.verdict import Status, Verdict
from tests.conftest import PROJECT_ROOT

EXERCISES = ("nnx-module-basics", "nnx-optimizer-basics", "nnx-metrics-accuracy")
HEARTBEAT_S = "1"  # a killed worker drops out of the registry after 3 s


@pytest.fixture(scope="module")
def queue(tmp_path_factory: pytest.TempPathFactory):
    """A private redis-server and two worker hosts (pool of one each); yields (url, [processes], folder)."""
    folder = tmp_path_factory.mktemp("queue")
    for slug in EXERCISES:  # the workers read them from the shared cache instead of computing them twice
        expected.expected_outputs(load_problem(slug))
    server = local.LocalRedis(folder / "redis")
    env = {"NNX_DOJO_POOL_SIZE": "1", "NNX_DOJO_QUEUE_HEARTBEAT_S": HEARTBEAT_S}
    workers = [local.start_worker(server.url, folder / f"worker-{i}.log", env=env) for i in range(2)]
    try:
        local.wait_for_workers(server.url, workers)
        yield server.url, workers, folder
    finally:
        for worker in workers:
            local.stop_worker(worker)
        server.stop()


@pytest.fixture
def via_queue(queue, monkeypatch: pytest.MonkeyPatch) -> str:
    """`checker.service` pointed at the test queue."""
    url = queue[0]
    monkeypatch.setenv("NNX_DOJO_QUEUE_URL", url)
    monkeypatch.setenv("NNX_DOJO_QUEUE_HEARTBEAT_S", HEARTBEAT_S)
    return url


def _logs(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(folder.glob("worker-*.log")))


def _mixed_jobs(count: int) -> list[tuple[str, str, str]]:
    """(slug, source, wanted status): references, right/ and wrong/ solutions of the cheap exercises."""
    pool = []
    for slug in EXERCISES:
        problem = load_problem(slug)
        pool.append((slug, problem.reference, "accepted"))
        pool += [(slug, p.read_text(encoding="utf-8"), "accepted") for p in problem.right_solutions()[:1]]
        pool += [(slug, p.read_text(encoding="utf-8"), declared_status(p)) for p in problem.wrong_solutions()[:2]]
    return [pool[(i * 5) % len(pool)] for i in range(count)]


def _started_on(url: str, node: str) -> str | None:
    """The id of a job that `node` is running right now, if any."""
    client = contract.redis_client(url)
    for key in client.scan_iter(match=contract.RESULT_KEY + "*"):
        meta = json.loads(client.get(key) or b"{}")
        if meta.get("status") == "STARTED" and (meta.get("result") or {}).get("hostname") == node:
            return meta.get("task_id")
    return None


def test_sixteen_mixed_submissions_survive_a_worker_killed_mid_check(queue, via_queue: str) -> None:
    url, workers, folder = queue
    victim = workers[1]
    victim_node = local.node_of(url, victim.pid)
    jobs = _mixed_jobs(16)
    with ThreadPoolExecutor(max_workers=len(jobs)) as executor:
        futures = [executor.submit(service.check, slug, source, "submit") for slug, source, _ in jobs]
        deadline = time.monotonic() + 60
        while (lost_job := _started_on(url, victim_node)) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lost_job is not None, _logs(folder)
        time.sleep(1.0)  # mid-check
        os.killpg(victim.pid, signal.SIGKILL)
        verdicts = [future.result(timeout=300) for future in futures]
    wrong = [
        (slug, want, v.status.value, v.message)
        for (slug, _, want), v in zip(jobs, verdicts, strict=True)
        if v.status != want
    ]
    assert not wrong, (wrong, _logs(folder))
    assert victim.wait(timeout=10) == -signal.SIGKILL
    assert victim_node not in local.live_nodes(url)
    logs = {p.name: p.read_text(errors="replace") for p in folder.glob("worker-*.log")}
    assert f"[{lost_job}] succeeded" in logs["worker-0.log"]  # the killed worker's job was judged by the other
    assert f"[{lost_job}] succeeded" not in logs["worker-1.log"]


def test_a_down_queue_gives_a_clear_verdict_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_QUEUE_URL", f"redis://127.0.0.1:{local.free_port()}/0")
    began = time.monotonic()
    service.prepare("nnx-module-basics")  # never blocks nor raises
    verdict = service.check("nnx-module-basics", load_problem("nnx-module-basics").reference)
    assert time.monotonic() - began < 5
    assert verdict.status is Status.INTERNAL_ERROR
    assert "unreachable" in verdict.message and "not judged" in verdict.message
    assert any("unreachable" in line for line in service.isolation_report())


def test_a_malformed_queue_address_is_a_clear_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_QUEUE_URL", "http://user:secret@example.invalid/")
    verdict = service.check("nnx-module-basics", "x = 1")
    assert verdict.status is Status.INTERNAL_ERROR and "redis://" in verdict.message
    assert "secret" not in verdict.message


def test_a_worker_host_needs_a_queue_that_answers() -> None:
    for address, words in ((f"redis://127.0.0.1:{local.free_port()}/0", "does not answer"), ("http://x/", "redis://")):
        result = subprocess.run([sys.executable, "-m", "checker", "worker", "--queue", address], cwd=PROJECT_ROOT,
                                capture_output=True, text=True, timeout=60)  # fmt: skip
        assert result.returncode == 2 and words in result.stderr, result.stderr


def test_an_exercise_no_worker_serves_is_answered_at_once(via_queue: str) -> None:
    for slug in ("no-such-exercise", "../../etc"):
        began = time.monotonic()
        verdict = service.check(slug, "def f():\n    return 1\n")
        assert time.monotonic() - began < 5
        assert verdict.status is Status.INTERNAL_ERROR
        assert "No checking worker serves" in verdict.message


def _send_raw(url: str, args: list, serializer: str = "json") -> str:
    """Put a task message on the queue directly, as anyone with access to the broker could; its task id."""
    from checker.taskqueue.celeryapp import make_app

    well_formed = args and isinstance(args[0], str) and contract.JOB_ID.fullmatch(args[0])
    task_id = args[0] if well_formed else uuid.uuid4().hex
    app = make_app(url, [])
    app.send_task(contract.TASK_NAME, args=args, task_id=task_id, serializer=serializer, retry=False)
    return task_id


def _wait_state(url: str, task_id: str, states: set[str], timeout: float = 60) -> str:
    client = contract.redis_client(url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        meta = json.loads(client.get(contract.RESULT_KEY + task_id) or b"{}")
        if meta.get("status") in states:
            return meta["status"]
        time.sleep(0.05)
    return "PENDING"


class _Evil:
    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_hostile_queue_messages_are_judged_or_dropped_never_trusted(queue, tmp_path: Path) -> None:
    url, _, folder = queue
    backend = QueueBackend(url)
    forged = {
        "../../etc": ("x = 1\n", "submit", Status.INTERNAL_ERROR, "invalid exercise name"),
        "nnx-module-basics": ("#" * 3_000_000, "run", Status.SYNTAX_ERROR, "the limit is 200,000"),
        "x" * 5000: ("x = 1\n", "submit", Status.INTERNAL_ERROR, "longer than 100"),
    }
    for slug, (source, mode, status, words) in forged.items():
        job = _send_raw(url, [uuid.uuid4().hex, slug, source, mode])
        verdict = Verdict.from_json(_await_verdict(backend, job))
        assert verdict.status is status and words in verdict.message, verdict.message
    job = _send_raw(url, [uuid.uuid4().hex, "nnx-module-basics", ["not", "text"], "rm -rf /"])
    verdict = Verdict.from_json(_await_verdict(backend, job))
    assert verdict.status is Status.INTERNAL_ERROR and "malformed job" in verdict.message
    assert "code is not text" in verdict.message and "mode is not one of" in verdict.message
    # Wrong arity: Celery refuses the call; the worker records a failure and keeps serving.
    job = _send_raw(url, ["only-one-argument"])
    assert _wait_state(url, job, {"FAILURE"}) == "FAILURE"
    # A job id that could name other keys is dropped without a stored verdict.
    _send_raw(url, ["../../x", "nnx-module-basics", "x = 1\n", "run"])
    # A pickled message is refused, never unpickled.
    evil = _Evil()
    evil.marker = tmp_path / "unpickled"
    _send_raw(url, [evil, "nnx-module-basics", "x = 1\n", "run"], serializer="pickle")
    time.sleep(2)
    assert not evil.marker.exists()
    client = contract.redis_client(url)
    assert not list(client.scan_iter(match=contract.VERDICT_KEY + "../*"))
    assert len(local.live_nodes(url)) >= 1, _logs(folder)
    verdict = backend.check("nnx-module-basics", load_problem("nnx-module-basics").reference, "run")
    assert verdict.status is Status.ACCEPTED, (verdict.message, _logs(folder))


def _await_verdict(backend: QueueBackend, job: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stored = backend.verdicts.first(job)
        if stored is not None:
            return stored
        time.sleep(0.05)
    raise AssertionError(f"no verdict stored for {job}")


def test_a_job_run_again_returns_the_verdict_stored_first(queue) -> None:
    url = queue[0]
    backend = QueueBackend(url)
    problem = load_problem("nnx-module-basics")
    job = uuid.uuid4().hex
    first = Verdict(problem.slug, "run", Status.WRONG_ANSWER, 0, 2, "judged first, by a worker that then died")
    backend.verdicts.put_first(job, first.to_json())
    verdict = backend.wait(
        job, problem.slug, "run", 60, send=lambda: backend.send(job, problem.slug, problem.reference, "run")
    )
    assert verdict.status is Status.WRONG_ANSWER and verdict.message == first.message
    assert _wait_state(url, job, {"SUCCESS"}) == "SUCCESS"  # the re-run finished ...
    assert Verdict.from_json(backend.verdicts.first(job)).message == first.message  # ... and changed nothing


@pytest.mark.parametrize(
    "tampered",
    [
        "not json",
        "[" * 200_000,
        json.dumps({"version": 2, "slug": "nnx-module-basics", "mode": "run", "status": "accepted"}),
        Verdict("nnx-optimizer-basics", "run", Status.ACCEPTED, 2, 2, "another exercise").to_json(),
        Verdict("nnx-module-basics", "run", Status.ACCEPTED, 2, 2, "x" * 300_000).to_json(),
        json.dumps({**json.loads(Verdict("nnx-module-basics", "run", Status.ACCEPTED).to_json()), "passed": "all"}),
        json.dumps({**json.loads(Verdict("nnx-module-basics", "run", Status.ACCEPTED).to_json()), "status": "pwned"}),
    ],
)
def test_a_tampered_result_is_refused_with_a_clear_verdict(queue, tampered: str) -> None:
    backend = QueueBackend(queue[0])
    job = uuid.uuid4().hex
    backend.verdicts.put_first(job, tampered)
    verdict = backend.wait(job, "nnx-module-basics", "run", 10)
    assert verdict.status is Status.INTERNAL_ERROR and "unreadable verdict" in verdict.message


def test_a_forged_failure_record_shows_no_forged_text(queue) -> None:
    backend = QueueBackend(queue[0])
    job = uuid.uuid4().hex
    meta = {"status": "FAILURE", "result": {"exc_type": "<img src=x onerror=alert(1)>"}, "task_id": job}
    backend.client.set(contract.RESULT_KEY + job, json.dumps(meta))
    verdict = backend.wait(job, "nnx-module-basics", "run", 10)
    assert verdict.status is Status.INTERNAL_ERROR and "failed on this job (an error)" in verdict.message


def test_a_job_nobody_takes_ends_in_a_clear_verdict_not_a_hang(queue) -> None:
    idle = queue[0].rsplit("/", 1)[0] + "/1"  # a database no worker listens on
    backend = QueueBackend(idle)
    job = uuid.uuid4().hex
    began = time.monotonic()
    verdict = backend.wait(
        job, "nnx-module-basics", "run", 2, send=lambda: backend.send(job, "nnx-module-basics", "x = 1", "run")
    )
    assert time.monotonic() - began < 5
    assert verdict.status is Status.INTERNAL_ERROR and "No verdict within 2 s" in verdict.message
    assert backend.verdicts.first(job) == verdict.to_json()  # a worker taking it later returns this one


def test_forged_registry_records_are_ignored(queue) -> None:
    url = queue[0]
    client = contract.redis_client(url)
    real = json.loads(client.get(contract.WORKER_KEY + local.node_of(url, queue[1][0].pid)))
    forged = {
        "garbage": b"\xff not json",
        "nested": b"[" * 200_000,
        "markdown": json.dumps({**real, "node": "nnx-dojo-000000000000@evil", "isolation": "[x](http://127.0.0.1:9/)"}),
        "slug": json.dumps({**real, "node": "nnx-dojo-000000000001@evil", "exercises": {"../../etc": "0" * 16}}),
        "versions": json.dumps({**real, "node": "nnx-dojo-000000000002@evil", "libraries": {"jax": "**bold**"}}),
    }
    for name, value in forged.items():
        client.set(contract.WORKER_KEY + name, value, ex=60)
    try:
        nodes = {worker.node for worker in registry.live_workers(client)}
        assert not any("evil" in node for node in nodes) and real["node"] in nodes
        report = "\n".join(QueueBackend(url).isolation_report())
        assert "http" not in report and "evil" not in report
    finally:
        client.delete(*(contract.WORKER_KEY + name for name in forged))


def test_without_a_queue_nothing_of_it_is_imported() -> None:
    program = (
        "import sys\n"
        "from checker import service\n"
        "from checker.problems import load_problem\n"
        "problem = load_problem('nnx-optimizer-basics')\n"
        "verdict = service.check(problem.slug, problem.reference, 'run')\n"
        "assert verdict.accepted, verdict.message\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('celery', 'kombu', 'redis', 'billiard'))\n"
        "assert not leaked and 'checker.taskqueue' not in sys.modules, leaked\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "NNX_DOJO_QUEUE_URL"} | {"NNX_DOJO_POOL_SIZE": "0"}
    result = subprocess.run([sys.executable, "-c", program], cwd=PROJECT_ROOT, env=env, capture_output=True,
                            text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_app_with_a_queue_starts_no_learner_process(queue, tmp_path: Path) -> None:
    url = queue[0]
    slug = "nnx-optimizer-basics"
    env = os.environ | {"NNX_DOJO_QUEUE_URL": url, "NNX_DOJO_DATA_DIR": str(tmp_path), "NNX_DOJO_POOL_SIZE": "2"}
    solution = load_problem(slug).folder / "reference.py"
    app = subprocess.Popen(
        [sys.executable, "-m", "tests.queue_app_probe", str(tmp_path), slug, str(solution)],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    learners: set[str] = set()

    def watch() -> None:
        while app.poll() is None:
            for pid in runner.descendants(app.pid):
                try:
                    command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue
                if "checker.inside.child" in command:
                    learners.add(command)
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    output, _ = app.communicate(timeout=300)
    watcher.join()
    assert app.returncode == 0, output[-3000:]
    assert "Accepted" in output
    assert not learners, learners


def test_doctor_lists_the_live_workers_and_their_versions(queue) -> None:
    env = os.environ | {"NNX_DOJO_QUEUE_URL": queue[0]}
    result = subprocess.run([sys.executable, "-m", "checker", "doctor"], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "checks go to the queue" in result.stdout
    assert local.node_of(queue[0], queue[1][0].pid) in result.stdout
    assert "0 differ from this checkout, 0 missing" in result.stdout
