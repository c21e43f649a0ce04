# expect: wrong_answer
"""Takes one key from the 'noise' stream and uses it for both draws, so eps_y repeats eps_x's numbers."""

import jax
from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    rngs = nnx.Rngs(params=int(seed), noise=int(noise_seed))
    layer = nnx.Linear(d_in, int(d_out), rngs=rngs)
    key = rngs.noise()
    eps_x = jax.random.normal(key, (n, d_in))
    eps_y = jax.random.normal(key, (n, int(d_out)))
    return layer(x + sigma * eps_x) + sigma * eps_y
