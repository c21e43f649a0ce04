# expect: runtime_error
"""Passes the batch start into the jitted step and slices there, with bounds that are tracers."""

import jax.numpy as jnp
import optax
from flax import nnx


class MLP(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 16, rngs=rngs)
        self.out = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@nnx.jit
def train_step(model, optimizer, x, y, start, bs):
    xb, yb = x[start : start + bs], y[start : start + bs]
    loss, grads = nnx.value_and_grad(loss_fn)(model, xb, yb)
    optimizer.update(model, grads)
    return loss


def jit_train_losses(seed, x, y, batch_size, lr, num_steps):
    model = MLP(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr, momentum=0.9), wrt=nnx.Param)
    bs = int(batch_size)
    num_batches = -(-x.shape[0] // bs)
    losses = []
    for step in range(int(num_steps)):
        start = (step % num_batches) * bs
        losses.append(train_step(model, optimizer, x, y, start, bs))
    return jnp.stack(losses)
