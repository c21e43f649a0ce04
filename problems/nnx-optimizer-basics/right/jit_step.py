# expect: accepted
"""Style: an @nnx.jit train step that receives the model and the optimizer as arguments."""

import jax.numpy as jnp
import optax
from flax import nnx


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@nnx.jit
def sgd_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(mse)(model, x, y)
    optimizer.update(model, grads)  # in place, also under nnx.jit
    return loss


@nnx.jit
def evaluate(model, x, y):
    return mse(model, x, y)


def optimizer_one_step(seed, x, y, lr):
    """One jitted SGD step; return [loss_before, loss_after]."""
    model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    loss_before = sgd_step(model, optimizer, x, y)
    loss_after = evaluate(model, x, y)
    return jnp.stack([loss_before, loss_after])
