# expect: accepted
"""Style: an @nnx.jit train step that receives the model and the optimizer as arguments."""

import jax.numpy as jnp
import optax
from flax import nnx


def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@nnx.jit
def train_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(loss_fn)(model, x, y)
    optimizer.update(model, grads)  # nnx.jit carries the new weights back out
    return loss


def train_step_loss(seed, x, y, lr, num_steps):
    """Run the jitted step int(num_steps) times; return [first loss, last loss]."""
    model = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    losses = []
    for _ in range(int(num_steps)):
        losses.append(train_step(model, optimizer, x, y))
    return jnp.stack([losses[0], losses[-1]])
