# expect: accepted
"""Style: functional API (nnx.split) with jax.grad and SGD by jax.tree.map; linear maths and metric averages by hand."""

import jax
import jax.numpy as jnp
from flax import nnx


def multimetric_aggregate(seed, x_batches_flat, y_batches_flat, batch_size, lr):
    """Train the parameter State directly, then average per-batch MSE and MAE by hand; return [mse, mae]."""
    n, d_in = x_batches_flat.shape
    d_out = y_batches_flat.shape[1]
    _, params = nnx.split(nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed))), nnx.Param)

    def forward(params, x):
        return x @ params["kernel"][...] + params["bias"][...]

    def loss_of(params):
        return jnp.mean((forward(params, x_batches_flat) - y_batches_flat) ** 2)

    for _ in range(2):
        grads = jax.grad(loss_of)(params)
        params = jax.tree.map(lambda p, g: p - lr * g, params, grads)

    # Batches of equal size: one row of per-batch means each, then the plain average over batches,
    # which is what Average does with one scalar per update.
    bs = int(batch_size)
    num_batches = n // bs
    err = forward(params, x_batches_flat[: num_batches * bs]) - y_batches_flat[: num_batches * bs]
    err = err.reshape(num_batches, bs * d_out)
    batch_mse = jnp.mean(err**2, axis=1)
    batch_mae = jnp.mean(jnp.abs(err), axis=1)
    return jnp.array([jnp.sum(batch_mse) / num_batches, jnp.sum(batch_mae) / num_batches])
