"""Hostile and broken submissions through the real checker path; each must get its verdict."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import Status, check
from tests.adversarial.submissions import SUBMISSIONS
from tests.conftest import PROJECT_ROOT

# Where the landlock level stops a submission earlier than bubblewrap does, and how.
AT_LANDLOCK = {
    "setsid_grandchild": ("runtime_error", "seccomp refuses setsid, so the process cannot leave its group"),
    "read_env_and_parent_environ": ("runtime_error", "Landlock: /proc cannot even be listed, only /proc/self read"),
}
NEEDS_CGROUP = {"fork_bomb"}


@pytest.fixture(scope="module")
def listener() -> Iterator[int]:
    """A local port that would accept a connection from an unsandboxed process."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


@pytest.fixture
def fast_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_MEMORY_MB", "2048")
    monkeypatch.setenv("NNX_DOJO_TEST_SECRET", "do-not-leak")


@pytest.mark.parametrize(("name", "want", "stopped_by", "template"), SUBMISSIONS, ids=[s[0] for s in SUBMISSIONS])
def test_hostile_submission(
    name: str, want: str, stopped_by: str, template: str, fixture_root: Path, tmp_path: Path, listener: int,
    fast_limits: None, sandbox_level: str,
) -> None:  # fmt: skip
    if name in NEEDS_CGROUP:
        from checker import cgroups

        if not cgroups.available():
            pytest.skip("needs per-run cgroups on this host")
    secret = tmp_path / "secrets.toml"
    secret.write_text('token = "do-not-leak"\n')
    outside = tmp_path / "keep-me.txt"
    outside.write_text("still here")
    source = template
    for key, value in {"{secret_file}": secret, "{project}": PROJECT_ROOT, "{outside_file}": outside,
                       "{port}": listener}.items():  # fmt: skip
        source = source.replace(key, str(value))
    if sandbox_level == "landlock" and name in AT_LANDLOCK:
        want, stopped_by = AT_LANDLOCK[name]
    verdict = check("fixture-affine", source, "submit", root=fixture_root, pool=None)
    assert verdict.status is Status(want), f"{name} ({stopped_by}): {verdict.status.value}: {verdict.message}"
    assert outside.read_text() == "still here"
    assert not (PROJECT_ROOT / "problems" / "hacked.txt").exists()
    if name == "read_env_and_parent_environ":
        assert "LEAK" not in verdict.message


def test_the_table_has_at_least_30_hostile_cases() -> None:
    assert len(SUBMISSIONS) >= 30
    assert len({s[0] for s in SUBMISSIONS}) == len(SUBMISSIONS)
