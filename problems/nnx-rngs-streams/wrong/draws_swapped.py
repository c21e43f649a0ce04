# expect: wrong_answer
"""Draws the output noise before the input noise, so each takes the other's key."""

from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    rngs = nnx.Rngs(params=int(seed), noise=int(noise_seed))
    layer = nnx.Linear(d_in, int(d_out), rngs=rngs)
    eps_y = rngs.noise.normal((n, int(d_out)))
    eps_x = rngs.noise.normal((n, d_in))
    return layer(x + sigma * eps_x) + sigma * eps_y
