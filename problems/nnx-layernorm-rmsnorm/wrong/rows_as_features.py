# expect: runtime_error
"""Passes x.shape[0] (the number of rows) as num_features; the scale cannot be reshaped to the feature axis."""

import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    n = x.shape[0]
    layer_norm = nnx.LayerNorm(n, rngs=nnx.Rngs(0))
    rms_norm = nnx.RMSNorm(n, rngs=nnx.Rngs(0))
    mean = x.mean(axis=-1, keepdims=True)
    hand_ln = (x - mean) / jnp.sqrt(x.var(axis=-1, keepdims=True) + 1e-6)
    hand_rms = x / jnp.sqrt(jnp.mean(x**2, axis=-1, keepdims=True) + 1e-6)
    return jnp.stack([layer_norm(x), rms_norm(x), hand_ln, hand_rms])
