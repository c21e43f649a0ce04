# expect: wrong_answer
"""Evaluates loss_after before optimizer.update has run."""

import jax.numpy as jnp
import optax
from flax import nnx


def optimizer_one_step(seed, x, y, lr):
    d_in, d_out = x.shape[-1], y.shape[-1]
    model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    tx = optax.sgd(lr)
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    def loss_fn(model, x, y):
        err = model(x) - y
        return jnp.mean(err**2)

    grad_fn = nnx.value_and_grad(loss_fn)
    loss_before, grads = grad_fn(model, x, y)
    loss_after = loss_fn(model, x, y)
    optimizer.update(model, grads)
    return jnp.array([loss_before, loss_after])
