# expect: accepted
"""Freezes with optax.multi_transform (set_to_zero for the backbone) under wrt=nnx.Param, and snapshots with
nnx.clone."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class Net(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.backbone = nnx.Sequential(
            nnx.Linear(d_in, 16, rngs=rngs),
            nnx.tanh,
            nnx.Linear(16, 16, rngs=rngs),
            nnx.tanh,
        )
        self.head = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        return self.head(self.backbone(x))


def labels(params):
    return jax.tree_util.tree_map_with_path(lambda path, _: "train" if "'head'" in str(path) else "freeze", params)


def finetune_head(seed, x, y_old, y_new, lr, pre_steps, num_steps):
    def loss_fn(model, x, y):
        return jnp.mean(jnp.square(model(x) - y))

    model = Net(x.shape[1], y_old.shape[1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)
    for _ in range(int(pre_steps)):
        optimizer.update(model, nnx.grad(loss_fn)(model, x, y_old))

    model.head = nnx.Linear(16, y_new.shape[1], rngs=nnx.Rngs(int(seed) + 1))
    snapshot = nnx.clone(model)
    start = loss_fn(model, x, y_new)

    tx = optax.multi_transform({"train": optax.adam(lr), "freeze": optax.set_to_zero()}, labels)
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)
    for _ in range(int(num_steps)):
        optimizer.update(model, nnx.grad(loss_fn)(model, x, y_new))
    end = loss_fn(model, x, y_new)

    def change(a, b):
        return max(float(jnp.abs(u - v).max()) for u, v in zip(jax.tree.leaves(a), jax.tree.leaves(b), strict=True))

    return jnp.array(
        [
            start,
            end,
            change(nnx.state(snapshot.backbone), nnx.state(model.backbone)),
            change(nnx.state(snapshot.head), nnx.state(model.head)),
        ]
    )
