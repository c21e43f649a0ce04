# expect: wrong_answer
"""Draws the noise from the 'params' stream, the one meant for the weights."""

from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    rngs = nnx.Rngs(params=int(seed), noise=int(noise_seed))
    layer = nnx.Linear(d_in, int(d_out), rngs=rngs)
    eps_x = rngs.params.normal((n, d_in))
    eps_y = rngs.params.normal((n, int(d_out)))
    return layer(x + sigma * eps_x) + sigma * eps_y
