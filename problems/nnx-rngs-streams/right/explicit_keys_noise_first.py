# expect: accepted
"""Style: two separate Rngs objects, jax.random.normal on keys from the stream, noise drawn before the layer."""

import jax
from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    noise = nnx.Rngs(noise=int(noise_seed))
    # The streams are independent, so drawing the noise first leaves the weights unchanged.
    eps_x = jax.random.normal(noise.noise(), (n, d_in))
    eps_y = jax.random.normal(noise.noise(), (n, int(d_out)))

    layer = nnx.Linear(d_in, int(d_out), rngs=nnx.Rngs(params=int(seed)))
    return layer(x + sigma * eps_x) + sigma * eps_y
