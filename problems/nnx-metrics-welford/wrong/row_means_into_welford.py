# expect: wrong_answer
"""Averages each row over its outputs before streaming, so Welford counts rows rather than every squared error."""

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

    stats = nnx.metrics.Welford()
    for start in range(0, n, bs):
        sq = (model(x_flat[start : start + bs]) - y_flat[start : start + bs]) ** 2
        stats.update(values=sq.mean(axis=-1))
    result = stats.compute()
    return jnp.array([result.mean, result.standard_deviation, result.standard_error_of_mean])
