# expect: wrong_answer
"""Builds a new nnx.Rngs for every noise draw, so each draw starts from counter zero and gets the first key."""

from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    layer = nnx.Linear(d_in, int(d_out), rngs=nnx.Rngs(params=int(seed)))
    eps_x = nnx.Rngs(noise=int(noise_seed)).noise.normal((n, d_in))
    eps_y = nnx.Rngs(noise=int(noise_seed)).noise.normal((n, int(d_out)))
    return layer(x + sigma * eps_x) + sigma * eps_y
