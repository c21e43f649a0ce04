"""Golden verdicts of whole runs through the real checker path (set UPDATE_GOLDEN=1 to rewrite)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from checker import check

GOLDEN = Path(__file__).parent / "golden"
VOLATILE = {"duration_s", "time_s"}

HEADER = "import jax\nimport jax.numpy as jnp\nimport optax\nfrom flax import nnx\n\n\n"
JITTED = (
    HEADER
    + """def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@nnx.jit
def train_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(loss_fn)(model, x, y)
    optimizer.update(model, grads)
    return loss


def fit_affine(seed, x, y, num_steps):
    model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(0.1), wrt=nnx.Param)
    first = None
    for _ in range(int(num_steps)):
        loss = train_step(model, optimizer, x, y)
        first = loss if first is None else first
    print("trained", int(num_steps), "steps")
    return jnp.array([first, loss_fn(model, x, y)])
"""
)

SUBMISSIONS = {
    "accepted_jitted": JITTED,
    "syntax_error": HEADER + "def fit_affine(seed, x, y, num_steps)\n    return x\n",
    "indentation_error": HEADER + "def fit_affine(seed, x, y, num_steps):\nreturn x\n",
    "runtime_error": HEADER + "def helper(n):\n    return 1 / n\n\n\ndef fit_affine(seed, x, y, num_steps):\n"
    "    return helper(0)\n",
    "missing_function": HEADER + "def fit_afine(seed, x, y, num_steps):\n    return jnp.zeros(2)\n",
    "wrong_shape": HEADER + "def fit_affine(seed, x, y, num_steps):\n    return jnp.zeros(3)\n",
    "nan_output": HEADER + "def fit_affine(seed, x, y, num_steps):\n    return jnp.array([jnp.nan, 0.0])\n",
    "returns_none": HEADER + "def fit_affine(seed, x, y, num_steps):\n    pass\n",
    "library_error": HEADER + "def fit_affine(seed, x, y, num_steps):\n"
    "    model = nnx.Linear(x.shape[-1], 2, rngs=nnx.Rngs(0))\n"
    "    return nnx.Optimizer(model, optax.sgd(0.1))\n",
    "timeout": HEADER + "def fit_affine(seed, x, y, num_steps):\n    while True:\n        pass\n",
}


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, float):
        return float(f"{value:.4g}")
    return value


@pytest.mark.parametrize("name", sorted(SUBMISSIONS))
def test_golden_verdict(name: str, fixture_root: Path) -> None:
    verdict = check("fixture-affine", SUBMISSIONS[name], "submit", root=fixture_root)
    got = _normalise(json.loads(verdict.to_json()))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.write_text(json.dumps(got, indent=2, sort_keys=True) + "\n")
    assert got == json.loads(path.read_text())
