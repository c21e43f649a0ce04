# expect: accepted
"""Hand-rolled AdamW: Adam moments and bias correction via jax.tree.map, decoupled decay on the kernels only."""

import jax
import jax.numpy as jnp
from flax import nnx


class Net(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.linear1 = nnx.Linear(d_in, 8, rngs=rngs)
        self.norm = nnx.LayerNorm(8, rngs=rngs)
        self.linear2 = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x):
        return self.linear2(jax.nn.relu(self.norm(self.linear1(x))))


def adamw_masked(seed, x, y, lr, weight_decay, num_steps):
    b1, b2, eps = 0.9, 0.999, 1e-8  # optax.adamw defaults
    model = Net(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    graphdef, params = nnx.split(model, nnx.Param)
    params = nnx.as_pure(params)  # plain arrays, no Param wrappers
    flat = nnx.to_flat_state(params)
    decay = {path: path[-1] == "kernel" for path, _ in flat}

    def loss_fn(params):
        return jnp.mean((nnx.merge(graphdef, params)(x) - y) ** 2)

    mu = jax.tree.map(jnp.zeros_like, params)
    nu = jax.tree.map(jnp.zeros_like, params)
    for t in range(1, int(num_steps) + 1):
        grads = jax.grad(loss_fn)(params)
        mu = jax.tree.map(lambda m, g: b1 * m + (1 - b1) * g, mu, grads)
        nu = jax.tree.map(lambda v, g: b2 * v + (1 - b2) * g * g, nu, grads)
        new = {}
        for (path, p), (_, m), (_, v) in zip(
            nnx.to_flat_state(params), nnx.to_flat_state(mu), nnx.to_flat_state(nu), strict=True
        ):
            step = (m / (1 - b1**t)) / (jnp.sqrt(v / (1 - b2**t)) + eps)
            if decay[path]:
                step = step + weight_decay * p
            new[path] = p - lr * step
        params = nnx.from_flat_state(new)

    trained = nnx.merge(graphdef, params)
    order = [
        trained.linear1.kernel,
        trained.linear1.bias,
        trained.norm.scale,
        trained.norm.bias,
        trained.linear2.kernel,
        trained.linear2.bias,
    ]
    return jnp.array([loss_fn(params)] + [jnp.sum(v[...] ** 2) for v in order])
