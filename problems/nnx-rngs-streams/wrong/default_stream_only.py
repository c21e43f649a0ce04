# expect: wrong_answer
"""Uses nnx.Rngs(int(seed)), a lone default stream: rngs.noise falls back to it and noise_seed is ignored."""

from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    rngs = nnx.Rngs(int(seed))
    layer = nnx.Linear(d_in, int(d_out), rngs=rngs)
    eps_x = rngs.noise.normal((n, d_in))
    eps_y = rngs.noise.normal((n, int(d_out)))
    return layer(x + sigma * eps_x) + sigma * eps_y
