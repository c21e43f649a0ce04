# expect: runtime_error
"""Calls schedule(optimizer.step) with the OptState variable itself instead of its value."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def clipped_schedule(seed, x, y, peak_lr, warmup_steps, num_steps, max_norm):
    steps = int(num_steps)
    model = nnx.Linear(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0,
        peak_value=peak_lr,
        warmup_steps=int(warmup_steps),
        decay_steps=steps,
        end_value=0.0,
    )
    tx = optax.chain(optax.clip_by_global_norm(max_norm), optax.sgd(learning_rate=schedule))
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    losses, rates, norms = [], [], []
    for _ in range(steps):
        loss, grads = nnx.value_and_grad(mse)(model, x, y)
        losses.append(loss)
        rates.append(schedule(optimizer.step))
        norms.append(optax.tree.norm(grads))
        optimizer.update(model, grads)
    return jnp.stack([jnp.stack(losses), jnp.stack(rates), jnp.stack(norms)])
