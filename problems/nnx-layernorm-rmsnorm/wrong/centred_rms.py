# expect: wrong_answer
"""Subtracts the row mean before the hand-made RMSNorm, which turns it back into a LayerNorm."""

import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    d = x.shape[-1]
    layer_norm = nnx.LayerNorm(d, rngs=nnx.Rngs(0))
    rms_norm = nnx.RMSNorm(d, rngs=nnx.Rngs(0))
    centred = x - x.mean(axis=-1, keepdims=True)
    hand_ln = centred / jnp.sqrt(jnp.mean(centred**2, axis=-1, keepdims=True) + 1e-6)
    hand_rms = centred / jnp.sqrt(jnp.mean(centred**2, axis=-1, keepdims=True) + 1e-6)
    return jnp.stack([layer_norm(x), rms_norm(x), hand_ln, hand_rms])
