# expect: runtime_error
"""Writes the mask as a plain nested dict, which does not match the nnx.State that nnx.Optimizer passes to optax."""

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


DECAY_MASK = {
    "linear1": {"kernel": True, "bias": False},
    "norm": {"scale": False, "bias": False},
    "linear2": {"kernel": True, "bias": False},
}


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def adamw_masked(seed, x, y, lr, weight_decay, num_steps):
    model = Net(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    tx = optax.adamw(learning_rate=lr, weight_decay=weight_decay, mask=DECAY_MASK)
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
