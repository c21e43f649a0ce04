# expect: wrong_answer
"""Streams the mean through nnx.metrics.Average but takes jnp.std of the last batch only."""

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

    avg = nnx.metrics.Average()
    sq = None
    for start in range(0, n, bs):
        sq = (model(x_flat[start : start + bs]) - y_flat[start : start + bs]) ** 2
        avg.update(values=sq)
    std = jnp.std(sq)
    return jnp.array([avg.compute(), std, std / jnp.sqrt(avg.count[...])])
