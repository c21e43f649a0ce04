# expect: runtime_error
"""Leaves out decode=False; MultiHeadAttention then refuses to guess whether it is decoding."""

import jax.numpy as jnp
from flax import nnx


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    length, heads, dim = int(seq_len), int(num_heads), int(head_dim)
    rows, features = x_flat.shape
    batch = rows // length
    x = x_flat.reshape(batch, length, features)
    rngs = nnx.Rngs(int(seed))
    norm = nnx.LayerNorm(features, rngs=rngs)
    attn = nnx.MultiHeadAttention(
        num_heads=heads, in_features=features, qkv_features=heads * dim, dropout_rate=0.1, rngs=rngs
    )
    mask = nnx.make_causal_mask(jnp.ones((batch, length)))
    return x + attn(norm(x), mask=mask, deterministic=True)
