"""Reference: gradient accumulation with optax.MultiSteps, checked against plain big-batch SGD."""

import jax.numpy as jnp
import optax
from flax import nnx


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@nnx.jit  # MultiSteps re-traces its internal lax.cond on every eager call; jit traces once
def accum_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(mse)(model, x, y)
    optimizer.update(model, grads)
    return loss


def accumulate_gradients(seed, x, y, micro_batch, k, lr, num_micro_steps):
    """Return a (2, num_micro_steps) array: full-data loss of the accumulating model and of the big-batch model."""
    mb, k, steps = int(micro_batch), int(k), int(num_micro_steps)
    num_micro_batches = x.shape[0] // mb
    d_in, d_out = x.shape[1], y.shape[1]

    # Two separate nnx.Rngs with the same seed: both models start from identical weights.
    accum_model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    big_model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    accum_opt = nnx.Optimizer(accum_model, optax.MultiSteps(optax.sgd(lr), every_k_schedule=k), wrt=nnx.Param)
    big_opt = nnx.Optimizer(big_model, optax.sgd(lr), wrt=nnx.Param)

    accum_losses, big_losses = [], []
    for i in range(steps):
        start = (i % num_micro_batches) * mb
        # Called on every micro-step; the parameters only move on every k-th call.
        accum_step(accum_model, accum_opt, x[start : start + mb], y[start : start + mb])

        if (i + 1) % k == 0:  # the k micro-batches just seen, as one contiguous big batch
            big_start = ((i + 1 - k) % num_micro_batches) * mb
            xb, yb = x[big_start : big_start + k * mb], y[big_start : big_start + k * mb]
            _, big_grads = nnx.value_and_grad(mse)(big_model, xb, yb)
            big_opt.update(big_model, big_grads)  # plain SGD is quick enough without jit

        accum_losses.append(mse(accum_model, x, y))
        big_losses.append(mse(big_model, x, y))
    return jnp.stack([jnp.stack(accum_losses), jnp.stack(big_losses)])
