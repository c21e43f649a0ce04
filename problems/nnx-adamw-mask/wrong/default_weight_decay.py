# expect: wrong_answer
"""Forgets to pass weight_decay, so optax.adamw uses its default of 1e-4."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class Net(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.linear1 = nnx.Linear(d_in, 8, rngs=rngs)
        self.norm = nnx.LayerNorm(8, rngs=rngs)
        self.linear2 = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x):
        return self.linear2(jax.nn.relu(self.norm(self.linear1(x))))


def decay_mask(params):
    return nnx.map_state(lambda path, _: path[-1] == "kernel", params)


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def adamw_masked(seed, x, y, lr, weight_decay, num_steps):
    model = Net(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    tx = optax.adamw(learning_rate=lr, mask=decay_mask)
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    for _ in range(int(num_steps)):
        _, grads = nnx.value_and_grad(mse)(model, x, y)
        optimizer.update(model, grads)

    params = [
        model.linear1.kernel,
        model.linear1.bias,
        model.norm.scale,
        model.norm.bias,
        model.linear2.kernel,
        model.linear2.bias,
    ]
    return jnp.stack([mse(model, x, y)] + [jnp.sum(p[...] ** 2) for p in params])
