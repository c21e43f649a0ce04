# expect: runtime_error
"""Passes the float seeds straight to nnx.Rngs, which only takes integers or JAX keys."""

from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    rngs = nnx.Rngs(params=seed, noise=noise_seed)
    layer = nnx.Linear(d_in, int(d_out), rngs=rngs)
    eps_x = rngs.noise.normal((n, d_in))
    eps_y = rngs.noise.normal((n, int(d_out)))
    return layer(x + sigma * eps_x) + sigma * eps_y
