# expect: wrong_answer
"""Plain nnx.value_and_grad and wrt=nnx.Param: the backbone is trained too."""

import jax.numpy as jnp
import optax
from flax import nnx


class TwoPart(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.backbone = nnx.Linear(d_in, hidden, rngs=rngs)
        self.head = nnx.Linear(hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.backbone(x)))


def finetune_head(seed, x, y, hidden, lr, num_steps):
    model = TwoPart(x.shape[-1], int(hidden), y.shape[-1], rngs=nnx.Rngs(int(seed)))
    head_only = nnx.All(nnx.Param, nnx.PathContains("head"))
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
