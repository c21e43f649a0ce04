# expect: accepted
"""Hand-rolled: the warmup-cosine formula in plain Python, clipping and the SGD step written out with jax.tree.map."""

import math

import jax
import jax.numpy as jnp
from flax import nnx


def rate(k, peak, warmup, total):
    if k < warmup:
        return peak * k / warmup
    progress = min(k - warmup, total - warmup) / (total - warmup)
    return peak * 0.5 * (1.0 + math.cos(math.pi * progress))


def clipped_schedule(seed, x, y, peak_lr, warmup_steps, num_steps, max_norm):
    warmup, total = int(warmup_steps), int(num_steps)
    model = nnx.Linear(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))

    def loss_fn(model):
        return jnp.mean(jnp.square(model(x) - y))

    rows = []
    for k in range(total):
        loss, grads = nnx.value_and_grad(loss_fn)(model)
        norm = jnp.sqrt(sum(jnp.sum(g**2) for g in jax.tree.leaves(grads)))
        scale = jnp.minimum(1.0, max_norm / norm)
        lr = rate(k, peak_lr, warmup, total)
        step = lr * scale
        params = nnx.state(model, nnx.Param)
        nnx.update(model, jax.tree.map(lambda p, g, step=step: p - step * g, params, grads))
        rows.append([loss, jnp.float32(lr), norm])
    return jnp.array(rows, dtype=jnp.float32).T
