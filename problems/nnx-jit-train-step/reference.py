"""Reference: an @nnx.jit train step that updates the model and optimizer it receives in place."""

import jax.numpy as jnp
import optax
from flax import nnx


class MLP(nnx.Module):
    """Linear(d_in, 16) -> relu -> Linear(16, d_out)."""

    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 16, rngs=rngs)
        self.out = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@nnx.jit
def train_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(loss_fn)(model, x, y)
    optimizer.update(model, grads)  # mutations inside nnx.jit reach the caller's objects
    return loss


def jit_train_losses(seed, x, y, batch_size, lr, num_steps):
    """Train the MLP with momentum SGD over cycling mini-batches and return every step's loss."""
    model = MLP(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr, momentum=0.9), wrt=nnx.Param)

    bs = int(batch_size)
    starts = list(range(0, x.shape[0], bs))  # the last batch may be shorter
    losses = []
    for step in range(int(num_steps)):
        start = starts[step % len(starts)]
        losses.append(train_step(model, optimizer, x[start : start + bs], y[start : start + bs]))
    return jnp.stack(losses)
