# expect: wrong_answer
"""Creates the head before the backbone, so each layer draws the other's random key."""

import jax.numpy as jnp
import optax
from flax import nnx


class TwoPart(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.head = nnx.Linear(hidden, d_out, rngs=rngs)
        self.backbone = nnx.Linear(d_in, hidden, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.backbone(x)))


def finetune_head(seed, x, y, hidden, lr, num_steps):
    model = TwoPart(x.shape[-1], int(hidden), y.shape[-1], rngs=nnx.Rngs(int(seed)))
    head_only = nnx.All(nnx.Param, nnx.PathContains("head"))
    optimizer = nnx.Optimizer(model, optax.adamw(lr, weight_decay=0.1), wrt=head_only)

    def loss_fn(model, x, y):
        return jnp.mean((model(x) - y) ** 2)

    # Only the variables that match head_only are differentiated; the backbone is a constant.
    grad_fn = nnx.value_and_grad(loss_fn, argnums=nnx.DiffState(0, head_only))
    rows = []
    for _ in range(int(num_steps)):
        loss, grads = grad_fn(model, x, y)
        optimizer.update(model, grads)
        rows.append(jnp.stack([loss, optax.tree.norm(grads)]))
    return jnp.stack(rows)
