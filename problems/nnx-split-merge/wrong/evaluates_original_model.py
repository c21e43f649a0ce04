# expect: wrong_answer
"""Measures the final loss on the model that was split, which still holds its initial weights."""

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
    graphdef, params, rest = nnx.split(model, nnx.Param, ...)

    def loss_fn(params, rest, x, y):
        m = nnx.merge(graphdef, params, rest)
        return jnp.mean((m(x) - y) ** 2)

    grad_fn = jax.value_and_grad(loss_fn)
    losses = []
    for _ in range(int(num_steps)):
        loss, grads = grad_fn(params, rest, x, y)
        losses.append(loss)
        params = jax.tree.map(lambda p, g: p - lr * g, params, grads)

    trained = model
    final_loss = jnp.mean((trained(x) - y) ** 2)
    return jnp.array([losses[0], final_loss])
