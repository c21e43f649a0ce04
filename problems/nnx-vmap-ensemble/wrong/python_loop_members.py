# expect: wrong_answer
"""Builds and trains the members one by one in a Python loop from a shared Rngs, so their initial weights differ."""

import jax.numpy as jnp
import optax
from flax import nnx


class Member(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 8, rngs=rngs)
        self.out = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def ensemble_predictions(seed, x, y, num_members, lr, num_steps):
    rngs = nnx.Rngs(int(seed))
    members = [Member(x.shape[-1], y.shape[-1], rngs=rngs) for _ in range(int(num_members))]

    def loss_fn(member):
        return jnp.mean((member(x) - y) ** 2)

    preds = []
    for member in members:
        optimizer = nnx.Optimizer(member, optax.sgd(lr), wrt=nnx.Param)
        for _ in range(int(num_steps)):
            _, grads = nnx.value_and_grad(loss_fn)(member)
            optimizer.update(member, grads)
        preds.append(member(x))
    return jnp.stack(preds)
