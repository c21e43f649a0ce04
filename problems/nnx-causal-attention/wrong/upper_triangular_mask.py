# expect: wrong_answer
"""Builds the mask with jnp.triu: each token sees itself and the future instead of the past."""

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
        num_heads=heads, in_features=features, qkv_features=heads * dim, dropout_rate=0.1, decode=False, rngs=rngs
    )
    mask = jnp.triu(jnp.ones((length, length)))
    return x + attn(norm(x), mask=mask, deterministic=True)
