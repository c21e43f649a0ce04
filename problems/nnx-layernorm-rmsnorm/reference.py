"""Reference: nnx.LayerNorm and nnx.RMSNorm with their defaults, then the same two formulas by hand."""

import jax.numpy as jnp
from flax import nnx

EPS = 1e-6  # the default epsilon of both layers


def norm_outputs(x):
    """Return jnp.stack([layer_norm, rms_norm, hand_layer_norm, hand_rms_norm]), shape (4, N, D)."""
    d = x.shape[-1]
    rngs = nnx.Rngs(0)  # the default scale (ones) and bias (zeros) ignore the key
    layer_norm = nnx.LayerNorm(d, rngs=rngs)
    rms_norm = nnx.RMSNorm(d, rngs=rngs)

    mean = jnp.mean(x, axis=-1, keepdims=True)
    var = jnp.mean(jnp.square(x - mean), axis=-1, keepdims=True)  # population variance
    hand_ln = (x - mean) / jnp.sqrt(var + EPS)

    mean_sq = jnp.mean(jnp.square(x), axis=-1, keepdims=True)  # no centring in RMSNorm
    hand_rms = x / jnp.sqrt(mean_sq + EPS)

    return jnp.stack([layer_norm(x), rms_norm(x), hand_ln, hand_rms])
