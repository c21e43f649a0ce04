# expect: accepted
"""Wraps both layers in an nnx.Module; the hand part uses E[x^2] - E[x]^2 and jnp.linalg.norm."""

import jax.numpy as jnp
from flax import nnx


class TwoNorms(nnx.Module):
    def __init__(self, features, *, rngs: nnx.Rngs):
        self.ln = nnx.LayerNorm(features, rngs=rngs)
        self.rms = nnx.RMSNorm(features, rngs=rngs)

    def __call__(self, x):
        return self.ln(x), self.rms(x)


def norm_outputs(x):
    n, d = x.shape
    ln_out, rms_out = TwoNorms(d, rngs=nnx.Rngs(0))(x)

    mu = x.sum(axis=1, keepdims=True) / d
    var = jnp.maximum((x * x).sum(axis=1, keepdims=True) / d - mu * mu, 0.0)
    hand_ln = (x - mu) / jnp.sqrt(var + 1e-6)

    rms = jnp.linalg.norm(x, axis=1, keepdims=True) / jnp.sqrt(d)
    hand_rms = x / jnp.sqrt(rms**2 + 1e-6)
    return jnp.array([ln_out, rms_out, hand_ln, hand_rms])
