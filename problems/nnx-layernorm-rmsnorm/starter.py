import jax
import jax.numpy as jnp
from flax import nnx


def norm_outputs(x):
    """Return jnp.stack([layer_norm, rms_norm, hand_layer_norm, hand_rms_norm]), shape (4, N, D)."""
    # TODO: build nnx.LayerNorm and nnx.RMSNorm for x.shape[-1] features with rngs=nnx.Rngs(0)
    #       and keep every other argument at its default.
    # TODO: apply both layers to x.
    # TODO: compute LayerNorm by hand: per row, subtract the mean and divide by sqrt(var + 1e-6).
    # TODO: compute RMSNorm by hand: per row, divide by sqrt(mean(x ** 2) + 1e-6).
    return jnp.zeros((4,) + x.shape)
