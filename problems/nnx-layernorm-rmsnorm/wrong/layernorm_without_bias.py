# expect: wrong_answer
"""Builds the "RMSNorm" as nnx.LayerNorm(use_bias=False): it still subtracts the mean."""

import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    d = x.shape[-1]
    layer_norm = nnx.LayerNorm(d, rngs=nnx.Rngs(0))
    rms_norm = nnx.LayerNorm(d, use_bias=False, rngs=nnx.Rngs(0))
    mean = x.mean(axis=-1, keepdims=True)
    hand_ln = (x - mean) / jnp.sqrt(x.var(axis=-1, keepdims=True) + 1e-6)
    hand_rms = x / jnp.sqrt(jnp.mean(x**2, axis=-1, keepdims=True) + 1e-6)
    return jnp.stack([layer_norm(x), rms_norm(x), hand_ln, hand_rms])
