# expect: accepted
"""Style: @nnx.jit train and eval steps that receive the model, the optimizer and the MultiMetric as arguments."""

import jax.numpy as jnp
import optax
from flax import nnx


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def eval_step(model, metrics, x, y):
    err = model(x) - y
    metrics.update(mse=jnp.mean(err**2), mae=jnp.mean(jnp.abs(err)))  # totals change in place


def multimetric_aggregate(seed, x_batches_flat, y_batches_flat, batch_size, lr):
    """Two jitted SGD steps, then jitted per-batch metric updates; return [mse, mae]."""
    n = x_batches_flat.shape[0]
    model = nnx.Linear(x_batches_flat.shape[1], y_batches_flat.shape[1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    for _ in range(2):
        train_step(model, optimizer, x_batches_flat, y_batches_flat)

    metrics = nnx.MultiMetric(mse=nnx.metrics.Average("mse"), mae=nnx.metrics.Average("mae"))
    bs = int(batch_size)
    for start in range(0, (n // bs) * bs, bs):
        eval_step(model, metrics, x_batches_flat[start : start + bs], y_batches_flat[start : start + bs])

    out = metrics.compute()
    return jnp.array([out["mse"], out["mae"]])
