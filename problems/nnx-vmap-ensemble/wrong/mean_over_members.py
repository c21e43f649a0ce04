# expect: wrong_answer
"""Averages the member losses instead of summing them, which divides every member's gradient by K."""

import jax.numpy as jnp
import optax
from flax import nnx


class Member(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 8, rngs=rngs)
        self.out = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


@nnx.vmap(in_axes=(0, None), out_axes=0)
def forward(member, x):
    return member(x)


def ensemble_predictions(seed, x, y, num_members, lr, num_steps):
    @nnx.split_rngs(splits=int(num_members))
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create(rngs):
        return Member(x.shape[-1], y.shape[-1], rngs=rngs)

    ensemble = create(nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(ensemble, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(ensemble):
        return jnp.mean((forward(ensemble, x) - y) ** 2)

    for _ in range(int(num_steps)):
        _, grads = nnx.value_and_grad(loss_fn)(ensemble)
        optimizer.update(ensemble, grads)
    return forward(ensemble, x)
