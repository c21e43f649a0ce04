"""The sandbox levels the adversarial suites run at: bubblewrap and landlock, each where the host has it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from checker.sandbox import isolation


@pytest.fixture(params=["bubblewrap", "landlock"], scope="module")
def sandbox_level(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each sandbox level in turn; CI must have both, a laptop skips the ones it lacks."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NNX_DOJO_SANDBOX", request.param)
        isolation.cache_clear()
        if isolation().level != request.param:
            reason = f"the {request.param} sandbox is unavailable here: {isolation().reason}"
            isolation.cache_clear()
            if os.environ.get("CI"):
                pytest.fail(f"CI must run every sandbox level ({reason})")
            pytest.skip(reason)
        yield request.param
    isolation.cache_clear()
