# expect: wrong_answer
"""Seeds 'params' with noise_seed and 'noise' with seed."""

from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    rngs = nnx.Rngs(params=int(noise_seed), noise=int(seed))
    layer = nnx.Linear(d_in, int(d_out), rngs=rngs)
    eps_x = rngs.noise.normal((n, d_in))
    eps_y = rngs.noise.normal((n, int(d_out)))
    return layer(x + sigma * eps_x) + sigma * eps_y
