"""Reference: one SGD step with nnx.Optimizer, reporting the loss before and after."""

import jax.numpy as jnp
import optax
from flax import nnx


def optimizer_one_step(seed, x, y, lr):
    """Take one SGD step on a linear model and return [loss_before, loss_after]."""
    d_in, d_out = x.shape[-1], y.shape[-1]
    model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    tx = optax.sgd(lr)
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    def loss_fn(model, x, y):
        err = model(x) - y
        return jnp.mean(err**2)

    grad_fn = nnx.value_and_grad(loss_fn)
    loss_before, grads = grad_fn(model, x, y)
    optimizer.update(model, grads)  # the layer's weights change in place
    loss_after = loss_fn(model, x, y)
    return jnp.array([loss_before, loss_after])
