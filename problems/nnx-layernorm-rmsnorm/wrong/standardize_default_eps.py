# expect: wrong_answer
"""Uses jax.nn.standardize for the hand LayerNorm without setting epsilon, so it adds 1e-5 instead of 1e-6."""

import jax
import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    d = x.shape[-1]
    layer_norm = nnx.LayerNorm(d, rngs=nnx.Rngs(0))
    rms_norm = nnx.RMSNorm(d, rngs=nnx.Rngs(0))
    hand_ln = jax.nn.standardize(x, axis=-1)
    hand_rms = x / jnp.sqrt(jnp.mean(x**2, axis=-1, keepdims=True) + 1e-6)
    return jnp.stack([layer_norm(x), rms_norm(x), hand_ln, hand_rms])
