# expect: accepted
"""Style: no Rngs at all; every key is rebuilt by hand as fold_in(key(seed), n) and the layer is a matrix product."""

import jax
import jax.numpy as jnp
from flax import nnx


def noisy_linear(seed, noise_seed, x, d_out, sigma):
    n, d_in = x.shape
    d_out = int(d_out)
    params_key = jax.random.key(int(seed))
    noise_key = jax.random.key(int(noise_seed))

    # nnx.Linear: kernel from the first 'params' key (LeCun normal), bias of zeros.
    kernel = nnx.initializers.lecun_normal()(jax.random.fold_in(params_key, 0), (d_in, d_out), jnp.float32)
    bias = jnp.zeros((d_out,), jnp.float32)

    eps_x = jax.random.normal(jax.random.fold_in(noise_key, 0), (n, d_in))
    eps_y = jax.random.normal(jax.random.fold_in(noise_key, 1), (n, d_out))
    return (x + sigma * eps_x) @ kernel + bias + sigma * eps_y
