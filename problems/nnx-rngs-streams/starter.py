import jax
import jax.numpy as jnp
from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    """Return layer(x + sigma * eps_x) + sigma * eps_y with eps_x, eps_y from the 'noise' stream."""
    # TODO: create nnx.Rngs with a 'params' stream (int(seed)) and a 'noise' stream (int(noise_seed)).
    # TODO: build nnx.Linear(D_in, int(d_out)) from those rngs.
    # TODO: draw eps_x of shape (N, D_in), then eps_y of shape (N, D_out), from the 'noise' stream.
    # TODO: return layer(x + sigma * eps_x) + sigma * eps_y.
    return jnp.zeros((x.shape[0], int(d_out)))
