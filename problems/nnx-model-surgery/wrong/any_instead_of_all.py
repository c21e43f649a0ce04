# expect: wrong_answer
"""Builds the wrt filter with nnx.Any, which accepts every Param, so the backbone is trained as well."""

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


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def max_abs_change(before, after):
    diffs = jax.tree.map(lambda a, b: jnp.max(jnp.abs(a - b)), before, after)
    return max(jax.tree.leaves(diffs), default=0.0)


def finetune_head(seed, x, y_old, y_new, lr, pre_steps, num_steps):
    model = Net(x.shape[-1], y_old.shape[-1], rngs=nnx.Rngs(int(seed)))
    pre_opt = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)
    for _ in range(int(pre_steps)):
        _, grads = nnx.value_and_grad(mse)(model, x, y_old)
        pre_opt.update(model, grads)

    model.head = nnx.Linear(16, y_new.shape[-1], rngs=nnx.Rngs(int(seed) + 1))

    backbone_before = jax.tree.map(jnp.copy, nnx.state(model.backbone))
    head_before = jax.tree.map(jnp.copy, nnx.state(model.head))
    loss_before = mse(model, x, y_new)

    head_params = nnx.Any(nnx.Param, nnx.PathContains("head"))
    opt = nnx.Optimizer(model, optax.adam(lr), wrt=head_params)
    for _ in range(int(num_steps)):
        grad_fn = nnx.value_and_grad(mse, argnums=nnx.DiffState(0, head_params))
        _, grads = grad_fn(model, x, y_new)
        opt.update(model, grads)

    loss_after = mse(model, x, y_new)
    backbone_change = max_abs_change(backbone_before, nnx.state(model.backbone))
    head_change = max_abs_change(head_before, nnx.state(model.head))
    return jnp.array([loss_before, loss_after, backbone_change, head_change])
