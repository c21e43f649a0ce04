# expect: accepted
"""Tree style: Rngs.split + jax.vmap to build and run, jax.grad on the Param state, a hand-written SGD step."""

import jax
import jax.numpy as jnp
from flax import nnx


class Member(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 8, rngs=rngs)
        self.out = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def ensemble_predictions(seed, x, y, num_members, lr, num_steps):
    rngs = nnx.Rngs(int(seed)).split(int(num_members))
    ensemble = jax.vmap(lambda r: Member(x.shape[-1], y.shape[-1], rngs=r))(rngs)

    graphdef, params, rest = nnx.split(ensemble, nnx.Param, ...)

    def predict(params):
        model = nnx.merge(graphdef, params, rest)
        return jax.vmap(lambda member: member(x))(model)

    def loss(params):
        err = predict(params) - y[None]
        return jnp.sum(jnp.mean(err * err, axis=(1, 2)))

    grad_fn = jax.jit(jax.grad(loss))
    for _ in range(int(num_steps)):
        grads = grad_fn(params)
        params = jax.tree.map(lambda p, g: p - lr * g, params, grads)
    return predict(params)
