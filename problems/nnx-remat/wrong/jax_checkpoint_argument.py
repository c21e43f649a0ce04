# expect: wrong_answer
"""Passes the block to jax.checkpoint as a pytree argument: the RNG counter update made inside is
dropped, so every step reuses the same dropout masks.
"""

import jax
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


@jax.checkpoint
def run_block(block, x):
    return block(x)


class Tower(nnx.Module):
    def __init__(self, width, d_out, num_blocks, *, rngs):
        self.blocks = nnx.List([Block(width, rngs=rngs) for _ in range(num_blocks)])
        self.head = nnx.Linear(width, d_out, rngs=rngs)

    def __call__(self, x):
        for block in self.blocks:
            x = run_block(block, x)
        return self.head(x)


def remat_train(seed, dropout_seed, x, y, num_blocks, lr, num_steps):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = Tower(x.shape[-1], y.shape[-1], int(num_blocks), rngs=rngs)
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, y):
        return jnp.mean((model(x) - y) ** 2)

    losses = []
    for _ in range(int(num_steps)):
        loss, grads = nnx.value_and_grad(loss_fn)(model, x, y)
        optimizer.update(model, grads)
        losses.append(loss)
    return jnp.stack(losses)
