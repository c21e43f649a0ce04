# expect: accepted
"""One optimizer per member, created under nnx.vmap, and a jitted train step vmapped over members and optimizers."""

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
    k = int(num_members)

    @nnx.split_rngs(splits=k)
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create(rngs):
        return Member(x.shape[-1], y.shape[-1], rngs=rngs)

    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create_optimizer(member):
        return nnx.Optimizer(member, optax.sgd(lr), wrt=nnx.Param)

    ensemble = create(nnx.Rngs(int(seed)))
    optimizers = create_optimizer(ensemble)

    @nnx.jit
    @nnx.vmap(in_axes=(0, 0, None, None))
    def train_step(member, optimizer, x, y):
        def mse(member):
            return jnp.mean(jnp.square(member(x) - y))

        loss, grads = nnx.value_and_grad(mse)(member)
        optimizer.update(member, grads)
        return loss

    for _ in range(int(num_steps)):
        train_step(ensemble, optimizers, x, y)

    predict = nnx.vmap(lambda member, x: member(x), in_axes=(0, None))
    return predict(ensemble, x)
