# expect: wrong_answer
"""Wrong: takes three SGD steps instead of two."""

import jax.numpy as jnp
import optax
from flax import nnx


def full_batch_mse(model, inputs, targets):
    residual = model(inputs) - targets
    return jnp.mean(residual**2)


def multimetric_aggregate(seed, x_batches_flat, y_batches_flat, batch_size, lr):
    """Return [average per-batch MSE, average per-batch MAE] after two SGD steps."""
    n, d_in = x_batches_flat.shape
    model = nnx.Linear(d_in, y_batches_flat.shape[1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, tx=optax.sgd(lr), wrt=nnx.Param)

    # A little training first, on all rows at once.
    for _ in range(3):
        loss, grads = nnx.value_and_grad(full_batch_mse)(model, x_batches_flat, y_batches_flat)
        optimizer.update(model, grads)

    # Each Average reads the keyword named by its argname.
    metrics = nnx.MultiMetric(
        mse=nnx.metrics.Average("mse"),
        mae=nnx.metrics.Average("mae"),
    )
    bs = int(batch_size)
    for b in range(n // bs):
        rows = slice(b * bs, (b + 1) * bs)
        err = model(x_batches_flat[rows]) - y_batches_flat[rows]
        metrics.update(mse=jnp.mean(err**2), mae=jnp.mean(jnp.abs(err)))

    result = metrics.compute()
    return jnp.array([result["mse"], result["mae"]])
