# expect: accepted
"""Fine-tunes in the functional style: split off the head's Params, jax.jit a step with jax.value_and_grad and a
raw optax Adam state."""

import jax
import jax.numpy as jnp
import numpy as np
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
    return ((model(x) - y) ** 2).mean()


@nnx.jit
def pretrain_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(mse)(model, x, y)
    optimizer.update(model, grads)
    return loss


def finetune_head(seed, x, y_old, y_new, lr, pre_steps, num_steps):
    model = Net(x.shape[-1], y_old.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)
    for _ in range(int(pre_steps)):
        pretrain_step(model, optimizer, x, y_old)

    model.head = nnx.Linear(16, y_new.shape[-1], rngs=nnx.Rngs(int(seed) + 1))

    graphdef, head, frozen = nnx.split(model, nnx.All(nnx.Param, nnx.PathContains("head")), ...)
    head_start = [np.array(a) for a in jax.tree.leaves(head)]
    frozen_start = [np.array(a) for a in jax.tree.leaves(frozen)]

    def loss_fn(head, frozen):
        return mse(nnx.merge(graphdef, head, frozen), x, y_new)

    tx = optax.adam(lr)
    opt_state = tx.init(head)

    @jax.jit
    def step(head, opt_state):
        loss, grads = jax.value_and_grad(loss_fn)(head, frozen)
        updates, opt_state = tx.update(grads, opt_state, head)
        return optax.apply_updates(head, updates), opt_state, loss

    before = loss_fn(head, frozen)
    for _ in range(int(num_steps)):
        head, opt_state, _ = step(head, opt_state)
    nnx.update(model, head)
    after = mse(model, x, y_new)

    def change(start, state):
        return max(float(np.max(np.abs(a - np.asarray(b)))) for a, b in zip(start, jax.tree.leaves(state), strict=True))

    backbone_change = change(frozen_start, nnx.state(model, nnx.Not(nnx.PathContains("head"))))
    head_change = change(head_start, nnx.state(model, nnx.PathContains("head")))
    return jnp.array([before, after, backbone_change, head_change], dtype=jnp.float32)
