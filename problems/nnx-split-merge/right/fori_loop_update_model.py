# expect: accepted
"""Runs the SGD loop with jax.lax.fori_loop on the params State, then writes it back with nnx.update."""

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
    initial = jnp.mean(jnp.square(model(x) - y))

    graphdef, params, rest = nnx.split(model, nnx.Param, ...)

    def loss_fn(params):
        return jnp.mean(jnp.square(nnx.merge(graphdef, params, rest)(x) - y))

    def body(_, params):
        grads = jax.grad(loss_fn)(params)
        return jax.tree.map(lambda p, g: p - lr * g, params, grads)

    params = jax.lax.fori_loop(0, int(num_steps), body, params)
    nnx.update(model, params)  # the original module now holds the trained weights
    final = jnp.mean(jnp.square(model(x) - y))
    return jnp.array([initial, final])
