# expect: runtime_error
"""Builds nnx.LayerNorm without rngs; its constructor requires the keyword even though the default init ignores it."""

import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    d = x.shape[-1]
    layer_norm = nnx.LayerNorm(d)
    rms_norm = nnx.RMSNorm(d)
    mean = x.mean(axis=-1, keepdims=True)
    hand_ln = (x - mean) / jnp.sqrt(x.var(axis=-1, keepdims=True) + 1e-6)
    hand_rms = x / jnp.sqrt(jnp.mean(x**2, axis=-1, keepdims=True) + 1e-6)
    return jnp.stack([layer_norm(x), rms_norm(x), hand_ln, hand_rms])
