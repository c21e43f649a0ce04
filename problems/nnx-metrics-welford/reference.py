"""Reference: train an nnx.Linear, then stream its squared errors through nnx.metrics.Welford."""

import jax.numpy as jnp
import optax
from flax import nnx


def stream_statistics(seed, x_flat, y_flat, batch_size, lr, num_steps):
    """Return [mean, standard deviation, standard error of the mean] of the trained model's squared errors."""
    bs = int(batch_size)
    n, d_in = x_flat.shape
    d_out = y_flat.shape[1]

    def mse(model, x, y):
        return jnp.mean(jnp.square(model(x) - y))

    model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    opt = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    for _ in range(int(num_steps)):
        _, grads = nnx.value_and_grad(mse)(model, x_flat, y_flat)
        opt.update(model, grads)

    stats = nnx.metrics.Welford()
    for start in range(0, n, bs):
        x_b = x_flat[start : start + bs]
        y_b = y_flat[start : start + bs]
        # A (rows, d_out) array: Welford counts every element as one observation.
        stats.update(values=(model(x_b) - y_b) ** 2)

    result = stats.compute()
    return jnp.array([result.mean, result.standard_deviation, result.standard_error_of_mean])
