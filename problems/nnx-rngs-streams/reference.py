"""Reference: one nnx.Rngs with a 'params' stream for the layer and a 'noise' stream for two noise draws."""

from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    """Return layer(x + sigma * eps_x) + sigma * eps_y with eps_x, eps_y from the 'noise' stream."""
    n, d_in = x.shape
    rngs = nnx.Rngs(params=int(seed), noise=int(noise_seed))
    layer = nnx.Linear(d_in, int(d_out), rngs=rngs)  # two 'params' keys: kernel, then bias

    eps_x = rngs.noise.normal((n, d_in))  # first 'noise' key
    eps_y = rngs.noise.normal((n, int(d_out)))  # second 'noise' key
    return layer(x + sigma * eps_x) + sigma * eps_y
