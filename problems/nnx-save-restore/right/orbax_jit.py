# expect: accepted
"""Orbax StandardCheckpointer (absolute path) for the round trip and an @nnx.jit train step."""

import os

import jax
import jax.numpy as jnp
import optax
import orbax.checkpoint as ocp
from flax import nnx


class Regressor(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, 8, rngs=rngs)
        self.bn = nnx.BatchNorm(8, momentum=0.9, rngs=rngs)
        self.linear2 = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x, use_running_average):
        h = self.linear1(x)
        h = self.bn(h, use_running_average=use_running_average)
        h = jax.nn.relu(h)
        return self.linear2(h)


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(m):
        return jnp.mean((m(x, use_running_average=False) - y) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


def evaluate(model, x, y):
    return jnp.mean((model(x, use_running_average=True) - y) ** 2)


def fit(model, x, y, lr, steps):
    opt = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    for _ in range(steps):
        train_step(model, opt, x, y)


def save_restore(seed_a, seed_b, x, y, lr, steps_before, steps_after):
    ckpt_dir = os.path.abspath("ckpt_a")
    checkpointer = ocp.StandardCheckpointer()

    a = Regressor(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed_a)))
    fit(a, x, y, lr, int(steps_before))
    saved = evaluate(a, x, y)
    checkpointer.save(ckpt_dir, nnx.to_pure_dict(nnx.state(a)), force=True)  # the folder may exist from an earlier case
    checkpointer.wait_until_finished()

    b = Regressor(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed_b)))
    fresh = evaluate(b, x, y)

    restored_dict = checkpointer.restore(ckpt_dir)
    state_b = nnx.state(b)
    nnx.replace_by_pure_dict(state_b, restored_dict)
    nnx.update(b, state_b)
    restored = evaluate(b, x, y)

    fit(b, x, y, lr, int(steps_after))
    return jnp.stack([saved, fresh, restored, evaluate(b, x, y)])
