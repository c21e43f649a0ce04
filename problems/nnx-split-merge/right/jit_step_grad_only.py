# expect: accepted
"""A jax.jit-compiled SGD step built from jax.grad, with the losses evaluated separately on merged models."""

import jax
import jax.numpy as jnp
from flax import nnx


class Regressor(nnx.Module):
    def __init__(self, x, d_out, *, rngs):
        self.mean = nnx.Variable(jnp.mean(x, axis=0, keepdims=True))
        self.std = nnx.Variable(jnp.std(x, axis=0, keepdims=True))
        self.hidden = nnx.Linear(x.shape[-1], 16, rngs=rngs)
        self.out = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        h = (x - self.mean[...]) / self.std[...]
        return self.out(nnx.tanh(self.hidden(h)))


def functional_sgd(seed, x, y, lr, num_steps):
    model = Regressor(x, y.shape[-1], rngs=nnx.Rngs(int(seed)))
    graphdef, params, consts = nnx.split(model, nnx.Param, nnx.Variable)

    def mse(params, consts):
        pred = nnx.merge(graphdef, params, consts)(x)
        return ((pred - y) ** 2).mean()

    @jax.jit
    def step(params, consts):
        grads = jax.grad(mse)(params, consts)
        return jax.tree.map(lambda p, g: p - lr * g, params, grads)

    before = mse(params, consts)
    for _ in range(int(num_steps)):
        params = step(params, consts)
    after = mse(params, consts)
    return jnp.stack([before, after])
