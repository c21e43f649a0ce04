# expect: accepted
"""Style: functional API (nnx.split / nnx.merge), jax.grad, SGD by jax.tree.map in jax.lax.fori_loop, then Welford."""

import jax
import jax.numpy as jnp
from flax import nnx


def stream_statistics(seed, x_flat, y_flat, batch_size, lr, num_steps):
    """Train the parameter State in a fori_loop, merge it back, stream squared errors; return [mean, std, sem]."""
    n, d_in = x_flat.shape
    graphdef, params = nnx.split(nnx.Linear(d_in, y_flat.shape[1], rngs=nnx.Rngs(int(seed))), nnx.Param)

    def mse(params):
        model = nnx.merge(graphdef, params)
        return jnp.mean(jnp.square(model(x_flat) - y_flat))

    def sgd_step(_, params):
        grads = jax.grad(mse)(params)
        return jax.tree.map(lambda p, g: p - lr * g, params, grads)

    params = jax.lax.fori_loop(0, int(num_steps), sgd_step, params)
    model = nnx.merge(graphdef, params)

    bs = int(batch_size)
    welford = nnx.metrics.Welford("sq_err")
    for start in range(0, n, bs):
        welford.update(sq_err=jnp.square(model(x_flat[start : start + bs]) - y_flat[start : start + bs]))
    stats = welford.compute()
    return jnp.array([stats.mean, stats.standard_deviation, stats.standard_error_of_mean])
