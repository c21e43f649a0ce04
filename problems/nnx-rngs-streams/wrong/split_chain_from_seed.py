# expect: wrong_answer
"""Chains key, sub = jax.random.split(key) from jax.random.key(noise_seed) instead of drawing from the stream."""

import jax
from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    layer = nnx.Linear(d_in, int(d_out), rngs=nnx.Rngs(params=int(seed)))
    key = jax.random.key(int(noise_seed))
    key, sub = jax.random.split(key)
    eps_x = jax.random.normal(sub, (n, d_in))
    key, sub = jax.random.split(key)
    eps_y = jax.random.normal(sub, (n, int(d_out)))
    return layer(x + sigma * eps_x) + sigma * eps_y
