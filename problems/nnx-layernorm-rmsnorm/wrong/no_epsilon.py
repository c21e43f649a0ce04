# expect: wrong_answer
"""Leaves epsilon out of the hand formulas: tiny rows blow up and a single feature gives 0 / 0."""

import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    d = x.shape[-1]
    layer_norm = nnx.LayerNorm(d, rngs=nnx.Rngs(0))
    rms_norm = nnx.RMSNorm(d, rngs=nnx.Rngs(0))
    centred = x - x.mean(axis=-1, keepdims=True)
    hand_ln = centred / x.std(axis=-1, keepdims=True)
    hand_rms = x / jnp.sqrt(jnp.mean(x**2, axis=-1, keepdims=True))
    return jnp.stack([layer_norm(x), rms_norm(x), hand_ln, hand_rms])
