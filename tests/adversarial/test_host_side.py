"""Round two: attacks on the host side of the sandbox, through the real `check()` path.

Each class of weakness has its own submissions: the channels the host reads, the disk, hidden
expected values, a warm worker holding the reference, and the size of what a verdict stores.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import Status, check, folders, runner
from checker.cli import format_verdict
from checker.core import HIDDEN_MISMATCH
from checker.pool import WorkerPool
from checker.problems import load_problem
from checker.sandbox import isolation
from checker.verdict import MAX_VERDICT_BYTES
from tests.adversarial.submissions import returning, solution

# Seconds a check may take beyond the exercise's limit: a fresh process imports jax first, which
# takes several seconds on a loaded 2-core CI machine. What matters is that nothing hangs.
MARGIN_S = 45
RESULTS_FD = "int(sys.argv[sys.argv.index('--results-fd') + 1])"
MARKER = b"REFERENCE-ONLY-9f1c27"

CHANNEL_ATTACKS = [
    # name, expected status, source
    (
        "fifo_in_place_of_the_results_pipe",
        "runtime_error",
        solution(inside=f"    os.mkfifo('p')\n    os.dup2(os.open('p', os.O_RDWR), {RESULTS_FD})\n"),
    ),
    (
        "flood_the_results_pipe",
        "output_limit",
        solution(
            inside=f"    fd = {RESULTS_FD}\n    line = b'{{}}' + b' ' * 999_998 + b'\\n'\n"
            "    for _ in range(200):\n        os.write(fd, line)\n"
        ),  # fmt: skip
    ),
    (
        "endless_line_on_the_results_pipe",
        "runtime_error",
        solution(inside=f"    os.write({RESULTS_FD}, b'x' * 4_500_000)\n"),
    ),
    (
        "flood_the_console",
        "output_limit",
        solution(inside="    for _ in range(200):\n        os.write(2, b'z' * 1_000_000)\n"),
    ),
    (
        "grandchild_keeps_the_pipes_open_and_parent_exits",
        "runtime_error",
        solution(inside="    import time\n    if os.fork() == 0:\n        time.sleep(3600)\n    os._exit(0)\n"),
    ),
    (
        "grandchild_keeps_the_pipes_open",
        "accepted",
        solution(inside="    import time\n    if os.fork() == 0:\n        time.sleep(3600)\n        os._exit(0)\n"),
    ),
    (
        "links_named_like_the_old_result_files",
        "accepted",
        solution(
            "for name in ('results.jsonl', 'stderr.txt', 'stdout.txt'):\n"
            "    if not os.path.lexists(name):\n        os.symlink('/dev/zero', name)\n"
        ),  # fmt: skip
    ),
    (
        "fake_done_before_any_case",
        "runtime_error",
        returning("jnp.zeros(2)", f'os.write({RESULTS_FD}, b\'{{"event": "done"}}\\n\')'),
    ),
]

DISK_ATTACKS = [
    (
        "fill_the_working_folder",
        "output_limit",
        solution(
            inside="    with open('big', 'wb') as f:\n        for _ in range(1024):\n"
            "            f.write(b'0' * 1_048_576)\n            f.flush()\n"
        ),  # fmt: skip
    ),
    (
        "many_files_in_the_working_folder",
        "output_limit",
        solution(
            inside="    for i in range(2000):\n        with open(f'f{i}', 'wb') as f:\n"
            "            f.write(b'0' * 1_000_000)\n"
        ),  # fmt: skip
    ),
    (
        "deep_directory_chain",
        "accepted",
        solution("for _ in range(1500):\n    os.mkdir('d')\n    os.chdir('d')\nopen('leaf', 'w').write('x')\n"),
    ),
]
SANDBOX_DISK_ATTACKS = [
    (
        f"fill_{where.strip('/').replace('/', '_')}",
        "output_limit",
        solution(
            inside=f"    with open('{where}/big', 'wb') as f:\n        for _ in range(1024):\n"
            "            f.write(b'0' * 1_048_576)\n            f.flush()\n"
        ),  # fmt: skip
    )
    for where in ("/tmp", "/dev/shm")
]
BIG_VERDICTS = [
    (
        "deep_recursion_with_long_lines",
        "runtime_error",
        returning("f(1)", "def f(n):\n    " + "x = 1; " * 3000 + "return f(n + 1)"),
    ),
    (
        "exception_with_huge_name_and_message",
        "runtime_error",
        returning("None", "class E(Exception):\n    pass\nE.__name__ = 'E' * 5_000_000\nraise E('m' * 50_000_000)"),
    ),
    (
        "forged_record_with_huge_fields",
        "runtime_error",
        returning(
            "None",
            "import json\nfd = " + RESULTS_FD + "\n"
            "big = 'b' * 900_000\n"
            "for name in ('case-1', 'case-2', 'case-3'):\n"
            "    os.write(fd, (json.dumps({'event': 'case', 'name': name, 'status': 'error', 'stdout': big,\n"
            "        'losses': [1.5] * 90_000, 'error': {'type': big, 'message': big, 'traceback': big,\n"
            "        'line': 'x'}}) + '\\n').encode())\nos._exit(0)",
        ),  # fmt: skip
    ),
    (
        "lone_surrogates_everywhere",
        "runtime_error",
        returning("None", "print('\\ud800 printed')\nraise ValueError('\\udcff in the message')"),
    ),
]


@pytest.fixture
def fast_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_MEMORY_MB", "2048")


def _check(source: str, fixture_root: Path, pool: WorkerPool | None = None):
    return check("fixture-affine", source, "submit", root=fixture_root, pool=pool)


def _assert_answered_in_time(verdict, fixture_root: Path) -> None:
    limit = load_problem("fixture-affine", fixture_root).time_limit_s
    assert verdict.duration_s < limit + MARGIN_S, f"took {verdict.duration_s:.1f} s"


@pytest.mark.parametrize(("name", "want", "source"), CHANNEL_ATTACKS, ids=[a[0] for a in CHANNEL_ATTACKS])
def test_the_channels_hold(name: str, want: str, source: str, fixture_root: Path, fast_limits: None) -> None:
    verdict = _check(source, fixture_root)
    assert verdict.status is Status(want), f"{name}: {verdict.status.value}: {verdict.message}"
    _assert_answered_in_time(verdict, fixture_root)


@pytest.fixture(params=["sandbox", "plain-process"])
def isolation_level(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Disk attacks run in the sandbox (tmpfs with a size) and without it (host folder, watched)."""
    if request.param == "plain-process":
        monkeypatch.setenv("NNX_DOJO_SANDBOX", "none")
    elif isolation().level != "bubblewrap":
        pytest.skip(f"needs the bubblewrap sandbox: {isolation().reason}")
    isolation.cache_clear()
    yield request.param
    isolation.cache_clear()


@pytest.mark.parametrize(("name", "want", "source"), DISK_ATTACKS, ids=[a[0] for a in DISK_ATTACKS])
def test_the_disk_is_capped_and_cleaned(
    name: str, want: str, source: str, fixture_root: Path, fast_limits: None, isolation_level: str
) -> None:
    before = set(folders.base().iterdir())
    verdict = _check(source, fixture_root)
    allowed = {Status(want)}
    if name == "deep_directory_chain" and isolation_level == "plain-process":
        allowed.add(Status.TIME_LIMIT)  # thousands of levels on a real disk are slow; the point is the clean-up
    assert verdict.status in allowed, f"{name}: {verdict.status.value}: {verdict.message}"
    _assert_answered_in_time(verdict, fixture_root)
    runner.wait_for_clean_up()
    assert set(folders.base().iterdir()) <= before, "a run folder was left behind"


@pytest.mark.parametrize(("name", "want", "source"), SANDBOX_DISK_ATTACKS, ids=[a[0] for a in SANDBOX_DISK_ATTACKS])
def test_every_writable_place_in_the_sandbox_is_capped(
    name: str, want: str, source: str, fixture_root: Path, fast_limits: None
) -> None:
    if isolation().level != "bubblewrap":
        pytest.skip(f"needs the bubblewrap sandbox: {isolation().reason}")
    verdict = _check(source, fixture_root)
    assert verdict.status is Status(want), f"{name}: {verdict.status.value}: {verdict.message}"


@pytest.mark.parametrize(("name", "want", "source"), BIG_VERDICTS, ids=[a[0] for a in BIG_VERDICTS])
def test_verdicts_stay_small_and_printable(name: str, want: str, source: str, fixture_root: Path) -> None:
    verdict = _check(source, fixture_root)
    assert verdict.status is Status(want), f"{name}: {verdict.status.value}: {verdict.message}"
    text = verdict.to_json()
    assert len(text.encode()) <= MAX_VERDICT_BYTES
    for case in verdict.cases:  # every string must reach a browser as valid UTF-8
        for value in (case.message, case.stdout, *(vars(case.error).values() if case.error else ())):
            if isinstance(value, str):
                value.encode("utf-8")


def test_hidden_cases_reveal_their_status_only(fixture_root: Path) -> None:
    verdict = _check(returning("jnp.array([x.sum(), y.sum()])"), fixture_root)
    hidden = [c for c in verdict.cases if not c.visible]
    assert verdict.status is Status.WRONG_ANSWER and hidden
    for case in hidden:
        assert case.status is Status.WRONG_ANSWER
        assert case.message == HIDDEN_MISMATCH
        assert case.max_abs_error is None and case.expected is None and case.got is None
        assert case.reference_losses is None
    cli = format_verdict(verdict)
    for case in hidden:
        line = next(line for line in cli.splitlines() if case.name in line)
        assert "error" not in line and "expected" not in line, line
    assert "max abs error" not in json.dumps([vars(c) for c in hidden], default=str)


FIND_THE_REFERENCE = returning(
    "jnp.zeros(2)",
    "import gc\nimport types\n"
    "found = []\n"
    "for obj in gc.get_objects():\n"
    "    code = getattr(obj, '__code__', None)\n"
    "    if isinstance(code, types.CodeType) and code.co_filename != 'solution.py'"
    " and code.co_name in ('fit_affine', 'loss_fn'):\n"
    "        found.append(code.co_filename + ':' + code.co_name)\n"
    "print('FOUND' if found else 'CLEAN', found[:5])",
)


def _memory_holds(pid: int, needles: list[bytes]) -> list[str]:
    """Scan another process's readable memory from the outside (so the needles are not in it)."""
    found = []
    with open(f"/proc/{pid}/maps") as maps:
        regions = [line.split() for line in maps]
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for region in regions:
            start, end = (int(v, 16) for v in region[0].split("-"))
            if "r" not in region[1] or end - start > 1 << 30 or (len(region) > 5 and region[5].startswith("[v")):
                continue
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            found += [f"{needle[:30]!r} at {region[0]}" for needle in needles if needle in data]
    return found


@pytest.fixture
def warm_pool(fixture_root: Path) -> Iterator[WorkerPool]:
    workers = WorkerPool(1, problems=[load_problem("fixture-affine", fixture_root)])
    workers.want("fixture-affine")
    assert workers.wait_ready(1, timeout=300), "no worker became ready"
    yield workers
    workers.close()


def test_a_warm_worker_holds_nothing_of_the_reference(warm_pool: WorkerPool, fixture_root: Path) -> None:
    reference = load_problem("fixture-affine", fixture_root).reference
    needles = [MARKER, b"last = loss_fn(model, x, y)", reference.encode()[:200]]
    worker = warm_pool.workers()[0].process
    interpreters = [pid for pid in [worker.pid, *runner.descendants(worker.pid)]
                    if b"checker.inside.child" in Path(f"/proc/{pid}/cmdline").read_bytes()]  # fmt: skip
    assert interpreters, "the worker's interpreter was not found"
    assert _memory_holds(interpreters[-1], needles) == []
    verdict = _check(FIND_THE_REFERENCE, fixture_root, pool=warm_pool)
    assert warm_pool.served == 1, "the submission was not served by the warm worker"
    printed = verdict.cases[0].stdout
    assert "CLEAN" in printed and "FOUND" not in printed, printed


def test_a_fresh_process_holds_nothing_of_the_reference(fixture_root: Path) -> None:
    printed = _check(FIND_THE_REFERENCE, fixture_root).cases[0].stdout
    assert "CLEAN" in printed and "FOUND" not in printed, printed
