# expect: accepted
"""Style: @nnx.remat on Block.__call__ itself (self is the module argument) and an @nnx.jit train step."""

import jax.numpy as jnp
import optax
from flax import nnx


class Block(nnx.Module):
    def __init__(self, width, *, rngs):
        self.up = nnx.Linear(width, 4 * width, rngs=rngs)
        self.drop = nnx.Dropout(rate=0.2, rngs=rngs)
        self.down = nnx.Linear(4 * width, width, rngs=rngs)

    @nnx.remat
    def __call__(self, x):
        h = self.up(x)
        h = jnp.maximum(h, 0)
        h = self.drop(h)
        return x + self.down(h)


class Tower(nnx.Module):
    def __init__(self, width, d_out, num_blocks, *, rngs):
        self.blocks = nnx.List()
        for _ in range(num_blocks):
            self.blocks.append(Block(width, rngs=rngs))
        self.head = nnx.Linear(width, d_out, rngs=rngs)

    def __call__(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x)


def mse(model, x, y):
    return jnp.mean(jnp.square(model(x) - y))


@nnx.jit
def train_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(mse)(model, x, y)
    optimizer.update(model, grads)
    return loss


def remat_train(seed, dropout_seed, x, y, num_blocks, lr, num_steps):
    model = Tower(
        x.shape[1],
        y.shape[1],
        int(num_blocks),
        rngs=nnx.Rngs(params=int(seed), dropout=int(dropout_seed)),
    )
    optimizer = nnx.Optimizer(model, optax.sgd(learning_rate=lr), wrt=nnx.Param)
    return jnp.array([train_step(model, optimizer, x, y) for _ in range(int(num_steps))])
