"""Warm a learner process up with generic NNX code of our own, shaped like an exercise's inputs.

A pool worker knows only the shapes and dtypes of the cases' arrays. It runs common building
blocks (linear layers, normalisation, dropout, SGD and Adam steps, eager and jitted, metrics)
on random arrays of those shapes, so the kernels a submission is likely to need are compiled
or loaded from the compilation cache. Nothing here computes any exercise's answer, and neither
the reference solution nor an expected output is ever sent to this process.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Any

MAX_CASES = 2  # cases that get every program; the rest get the cheap linear one only
BUDGET_S = 6.0  # CPU seconds of warm-up at most (threads included), after the imports


def _programs() -> list[Any]:
    import jax
    import jax.numpy as jnp
    import optax
    from flax import nnx

    def mse(model: Any, x: Any, y: Any) -> Any:
        return jnp.mean((model(x) - y) ** 2)

    def linear_steps(x: Any, y: Any, rows: list[int]) -> None:
        for tx in (optax.sgd(0.1), optax.adam(1e-3)):
            model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(0))
            optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)
            for count in rows:
                loss, grads = nnx.value_and_grad(mse)(model, x[:count], y[:count])
                optimizer.update(model, grads)
            jax.block_until_ready(mse(model, x, y))

    def jitted_steps(x: Any, y: Any, rows: list[int]) -> None:
        model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(1))
        optimizer = nnx.Optimizer(model, optax.sgd(0.1), wrt=nnx.Param)

        @nnx.jit
        def step(model: Any, optimizer: Any, x: Any, y: Any) -> Any:
            loss, grads = nnx.value_and_grad(mse)(model, x, y)
            optimizer.update(model, grads)
            return loss

        jax.block_until_ready(step(model, optimizer, x, y))

    def normalised_mlp(x: Any, y: Any, rows: list[int]) -> None:
        rngs = nnx.Rngs(params=2, dropout=3)
        hidden = 16
        model = nnx.Sequential(
            nnx.Linear(x.shape[-1], hidden, rngs=rngs),
            nnx.BatchNorm(hidden, rngs=rngs),
            nnx.LayerNorm(hidden, rngs=rngs),
            nnx.Dropout(0.1, rngs=rngs),
            nnx.relu,
            nnx.Linear(hidden, y.shape[-1], rngs=rngs),
        )
        optimizer = nnx.Optimizer(model, optax.adamw(1e-3), wrt=nnx.Param)
        model.train()
        for count in rows:
            loss, grads = nnx.value_and_grad(mse)(model, x[:count], y[:count])
            optimizer.update(model, grads)
        model.eval()
        jax.block_until_ready(mse(model, x, y))

    def metrics(x: Any, y: Any, rows: list[int]) -> None:
        labels = jnp.argmax(y, axis=-1) if y.shape[-1] > 1 else (y[:, 0] > 0).astype(jnp.int32)
        logits = x if x.shape[-1] > 1 else jnp.concatenate([x, -x], axis=-1)
        collection = nnx.MultiMetric(
            loss=nnx.metrics.Average("loss"), accuracy=nnx.metrics.Accuracy(), spread=nnx.metrics.Welford("spread")
        )
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels % logits.shape[-1]).mean()
        collection.update(loss=loss, logits=logits, labels=labels % logits.shape[-1], spread=(x - x.mean()) ** 2)
        jax.block_until_ready(jax.tree.leaves(collection.compute()))

    return [linear_steps, jitted_steps, normalised_mlp, metrics]


def _row_counts(case: list[Any], n: int) -> list[int]:
    """Batch sizes worth compiling for: all rows, then any whole-number argument below N (a mini-batch
    size, say) and what it leaves over at the end."""
    counts = [n]
    for value in case:
        if isinstance(value, float) and value.is_integer() and 1 <= value < n and len(counts) < 4:
            counts += [int(value)] + ([n % int(value)] if n % int(value) else [])
    return list(dict.fromkeys(counts))


def warm_up(cases: list[list[Any]], budget_s: float = BUDGET_S) -> None:
    """Run the generic programs on random arrays shaped like each case's, cheapest first, within a budget.

    The cheap linear program goes over every distinct case shape first, then the costlier ones over
    the first few; warming stops once `budget_s` of CPU time is spent, so a worker is ready soon
    after a cold start even on a small machine (what is left is compiled by the check itself).
    """
    import time

    import numpy as np

    began = time.process_time()
    rng = np.random.default_rng(0)
    seen: set[tuple] = set()
    inputs = []
    for case in cases:
        shapes = tuple(tuple(a["shape"]) for a in case if isinstance(a, dict) and len(a.get("shape", ())) == 2)
        rows = _row_counts(case, shapes[0][0]) if shapes else []
        if not shapes or (shapes, tuple(rows)) in seen:
            continue
        seen.add((shapes, tuple(rows)))
        x = rng.standard_normal(shapes[0]).astype(np.float32)
        y = rng.standard_normal(shapes[1] if len(shapes) > 1 else shapes[0]).astype(np.float32)
        if y.shape[0] != x.shape[0]:
            y = rng.standard_normal((x.shape[0], y.shape[-1])).astype(np.float32)
        inputs.append((x, y, rows))
    linear, *others = _programs()
    plan = [(linear, args) for args in inputs] + [(p, args) for args in inputs[:MAX_CASES] for p in others]
    for program, (x, y, rows) in plan:
        if time.process_time() - began > budget_s:
            break
        with contextlib.suppress(Exception):  # a failed warm-up only costs speed
            program(x, y, rows)
    gc.collect()
