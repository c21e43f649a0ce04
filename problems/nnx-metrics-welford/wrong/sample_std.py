# expect: wrong_answer
"""Computes the spread by hand with ddof=1 (sample std) instead of the population std Welford reports."""

import jax.numpy as jnp
import optax
from flax import nnx


def stream_statistics(seed, x_flat, y_flat, batch_size, lr, num_steps):
    bs = int(batch_size)
    n, d_in = x_flat.shape

    def mse(model, x, y):
        return jnp.mean(jnp.square(model(x) - y))

    model = nnx.Linear(d_in, y_flat.shape[1], rngs=nnx.Rngs(int(seed)))
    opt = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    for _ in range(int(num_steps)):
        _, grads = nnx.value_and_grad(mse)(model, x_flat, y_flat)
        opt.update(model, grads)

    sq = jnp.concatenate([(model(x_flat[s : s + bs]) - y_flat[s : s + bs]).ravel() ** 2 for s in range(0, n, bs)])
    std = jnp.std(sq, ddof=1)
    return jnp.array([jnp.mean(sq), std, std / jnp.sqrt(sq.size)])
