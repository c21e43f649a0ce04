# expect: wrong_answer
"""Builds MultiHeadAttention before the LayerNorm, so the attention draws different keys from the shared Rngs."""

import jax.numpy as jnp
from flax import nnx


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    length, heads, dim = int(seq_len), int(num_heads), int(head_dim)
    rows, features = x_flat.shape
    batch = rows // length
    x = x_flat.reshape(batch, length, features)
    rngs = nnx.Rngs(int(seed))
    attn = nnx.MultiHeadAttention(
        num_heads=heads, in_features=features, qkv_features=heads * dim, dropout_rate=0.1, decode=False, rngs=rngs
    )
    norm = nnx.LayerNorm(features, rngs=rngs)
    mask = nnx.make_causal_mask(jnp.ones((batch, length)))
    return x + attn(norm(x), mask=mask, deterministic=True)
