# expect: accepted
"""Style: a Python train flag marked static with static_argnums and a save-nothing checkpoint policy;
the loss is logged through has_aux.
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

    def __call__(self, x, train):
        h = nnx.relu(self.up(x))
        if train:
            h = self.drop(h)
        return x + self.down(h)


checkpointed_block = nnx.remat(
    Block.__call__,
    static_argnums=(2,),
    policy=jax.checkpoint_policies.nothing_saveable,
)


class Tower(nnx.Module):
    def __init__(self, width, d_out, num_blocks, *, rngs):
        self.blocks = nnx.List([Block(width, rngs=rngs) for _ in range(num_blocks)])
        self.head = nnx.Linear(width, d_out, rngs=rngs)

    def __call__(self, x, train=True):
        for block in self.blocks:
            x = checkpointed_block(block, x, train)
        return self.head(x)


def remat_train(seed, dropout_seed, x, y, num_blocks, lr, num_steps):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = Tower(x.shape[-1], y.shape[-1], int(num_blocks), rngs=rngs)
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model):
        pred = model(x, train=True)
        loss = jnp.mean((pred - y) ** 2)
        return loss, pred

    losses = []
    for _ in range(int(num_steps)):
        (loss, _), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model)
        optimizer.update(model, grads)
        losses.append(float(loss))
    return jnp.array(losses, dtype=jnp.float32)
