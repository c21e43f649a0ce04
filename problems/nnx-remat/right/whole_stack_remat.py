# expect: accepted
"""Style: one coarse checkpoint around the whole stack of blocks (the nnx.List is the remat argument),
with a module-level @nnx.jit train step that logs the loss through has_aux.
"""

import jax.numpy as jnp
import optax
from flax import nnx


class Block(nnx.Module):
    def __init__(self, width, *, rngs):
        self.up = nnx.Linear(width, 4 * width, rngs=rngs)
        self.drop = nnx.Dropout(0.2, rngs=rngs)
        self.down = nnx.Linear(4 * width, width, rngs=rngs)

    def __call__(self, x):
        return x + self.down(self.drop(nnx.relu(self.up(x))))


@nnx.remat
def run_stack(blocks, x):
    for block in blocks:
        x = block(x)
    return x


class Tower(nnx.Module):
    def __init__(self, width, d_out, num_blocks, *, rngs):
        self.blocks = nnx.List([Block(width, rngs=rngs) for _ in range(num_blocks)])
        self.head = nnx.Linear(width, d_out, rngs=rngs)

    def __call__(self, x):
        return self.head(run_stack(self.blocks, x))


def loss_fn(model, x, y):
    err = model(x) - y
    return jnp.mean(err * err), err


@nnx.jit
def train_step(model, optimizer, x, y):
    (loss, _), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model, x, y)
    optimizer.update(model, grads)
    return loss


def remat_train(seed, dropout_seed, x, y, num_blocks, lr, num_steps):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = Tower(x.shape[-1], y.shape[-1], int(num_blocks), rngs=rngs)
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    losses = jnp.zeros((int(num_steps),))
    for step in range(int(num_steps)):
        losses = losses.at[step].set(train_step(model, optimizer, x, y))
    return losses
