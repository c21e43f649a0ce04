"""The public-instance policy: no sandbox, no learner code; and bubblewrap too old to trust is passed over."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import Status, config, folders, pool, service
from checker.problems import load_problem
from checker.sandbox import bwrap_version, isolation


@pytest.fixture
def fresh_isolation() -> Iterator[None]:
    isolation.cache_clear()
    yield
    isolation.cache_clear()


@pytest.fixture
def public_without_sandbox(monkeypatch: pytest.MonkeyPatch, fresh_isolation: None) -> None:
    monkeypatch.setenv("NNX_DOJO_PUBLIC", "1")
    monkeypatch.setenv("NNX_DOJO_SANDBOX", "none")


@pytest.mark.parametrize(
    ("setting", "expected"), [("1", True), ("yes", True), ("0", False), ("off", False), ("", False), ("maybe", False)]
)
def test_public_setting(setting: str, expected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NNX_DOJO_PUBLIC", setting)
    assert config.public_instance() is expected


def test_community_cloud_is_public_unless_said_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NNX_DOJO_PUBLIC", raising=False)
    monkeypatch.setattr(config, "PROJECT_ROOT", Path("/mount/src/nnx-dojo"))
    assert config.public_instance()
    monkeypatch.setenv("NNX_DOJO_PUBLIC", "0")
    assert not config.public_instance()


def test_public_instance_without_sandbox_runs_nothing(public_without_sandbox: None) -> None:
    problem = load_problem("nnx-module-basics")
    before = set(folders.base().iterdir())
    verdict = service.check(problem.slug, problem.reference, "submit")
    assert verdict.status is Status.INTERNAL_ERROR
    assert "public instance" in verdict.message and "nothing was run" in verdict.message
    assert verdict.duration_s < 1.0
    assert set(folders.base().iterdir()) == before  # no run folder: no learner process was started
    assert verdict.message.startswith(service.refusal().rstrip("."))


def test_public_instance_without_sandbox_starts_no_pool(public_without_sandbox: None) -> None:
    pool.stop_default_pool()  # an earlier test in this process may have started one
    service.start()
    assert pool.default_pool() is None


def test_public_instance_with_a_sandbox_runs_code(monkeypatch: pytest.MonkeyPatch, fresh_isolation: None) -> None:
    monkeypatch.setenv("NNX_DOJO_PUBLIC", "1")
    monkeypatch.setenv("NNX_DOJO_SANDBOX", "landlock")
    if isolation().level != "landlock":
        pytest.skip(f"Landlock is unavailable here: {isolation().reason}")
    assert service.refusal() is None
    problem = load_problem("nnx-module-basics")
    assert service.check(problem.slug, problem.reference, "run").status is Status.ACCEPTED


@pytest.mark.parametrize(
    ("text", "version"),
    [("bubblewrap 0.4.1\n", (0, 4, 1)), ("bubblewrap 0.8.0", (0, 8, 0)), ("bwrap 0.11", (0, 11, 0)), ("?", None)],
)
def test_bwrap_version(text: str, version: tuple[int, ...] | None) -> None:
    assert bwrap_version(text) == version


def test_bubblewrap_older_than_0_5_falls_back_to_landlock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_isolation: None
) -> None:
    """Debian 11's bubblewrap 0.4 has no --clearenv nor --size: it is not used, and doctor says why."""
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'bubblewrap 0.4.1'\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    report = isolation()
    assert "bubblewrap 0.4.1 is older than 0.5.0" in report.reason
    assert report.level in ("landlock", "none")
