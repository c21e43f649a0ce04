"""Reference: SGD with a warmup-cosine learning-rate schedule behind global-norm gradient clipping."""

import jax.numpy as jnp
import optax
from flax import nnx


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def clipped_schedule(seed, x, y, peak_lr, warmup_steps, num_steps, max_norm):
    """Return a (3, num_steps) array: each step's loss, learning rate and unclipped gradient norm."""
    steps = int(num_steps)
    model = nnx.Linear(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0,
        peak_value=peak_lr,
        warmup_steps=int(warmup_steps),
        decay_steps=steps,  # the whole run, warmup included
        end_value=0.0,
    )
    tx = optax.chain(
        optax.clip_by_global_norm(max_norm),  # first rescale the raw gradients ...
        optax.sgd(learning_rate=schedule),  # ... then step with the scheduled rate
    )
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    losses, rates, norms = [], [], []
    for _ in range(steps):
        loss, grads = nnx.value_and_grad(mse)(model, x, y)
        losses.append(loss)
        rates.append(schedule(optimizer.step[...]))  # the count this update will use
        norms.append(optax.tree.norm(grads))  # measured before clipping
        optimizer.update(model, grads)
    return jnp.stack([jnp.stack(losses), jnp.stack(rates), jnp.stack(norms)])
