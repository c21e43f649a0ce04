# expect: accepted
"""Hand part via jax.nn.standardize with epsilon=1e-6 and lax.rsqrt for the RMS; fresh Rngs per layer."""

import jax
import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    features = x.shape[-1]
    ln = nnx.LayerNorm(features, rngs=nnx.Rngs(0))
    rms = nnx.RMSNorm(features, rngs=nnx.Rngs(1))  # the seed does not matter for ones/zeros
    by_hand_ln = jax.nn.standardize(x, axis=-1, epsilon=1e-6)
    by_hand_rms = x * jax.lax.rsqrt(jnp.mean(jnp.square(x), axis=-1, keepdims=True) + 1e-6)
    return jnp.stack([ln(x), rms(x), by_hand_ln, by_hand_rms], axis=0)
