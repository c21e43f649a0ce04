# expect: wrong_answer
"""Freezes the backbone with jax.lax.stop_gradient and lets AdamW own every Param: zero gradients still
get weight decay, so the backbone shrinks.
"""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class TwoPart(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.backbone = nnx.Linear(d_in, hidden, rngs=rngs)
        self.head = nnx.Linear(hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.head(jax.lax.stop_gradient(nnx.relu(self.backbone(x))))


def finetune_head(seed, x, y, hidden, lr, num_steps):
    model = TwoPart(x.shape[-1], int(hidden), y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adamw(lr, weight_decay=0.1), wrt=nnx.Param)

    def loss_fn(model, x, y):
        return jnp.mean((model(x) - y) ** 2)

    grad_fn = nnx.value_and_grad(loss_fn)
    rows = []
    for _ in range(int(num_steps)):
        loss, grads = grad_fn(model, x, y)
        optimizer.update(model, grads)
        rows.append(jnp.stack([loss, optax.tree.norm(grads)]))
    return jnp.stack(rows)
