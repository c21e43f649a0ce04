"""Starter for nnx-multimetric."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


def multimetric_aggregate(seed, x_batches_flat, y_batches_flat, batch_size, lr):
    """Return [average per-batch MSE, average per-batch MAE] after two SGD steps."""
    # TODO: model = nnx.Linear(D_in, D_out, rngs=nnx.Rngs(int(seed)))
    # TODO: SGD optimizer with wrt=nnx.Param; two steps on all rows, loss from nnx.value_and_grad
    # TODO: one nnx.MultiMetric with an Average named "mse" and an Average named "mae"
    # TODO: for each of the N // batch_size batches, metrics.update(mse=..., mae=...)
    # TODO: read metrics.compute() and return [mse, mae]
    return jnp.zeros((2,))
