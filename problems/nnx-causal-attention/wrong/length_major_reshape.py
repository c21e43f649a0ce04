# expect: wrong_answer
"""Reshapes to (length, batch, features) and transposes, as if the rows were interleaved token by token."""

import jax.numpy as jnp
from flax import nnx


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    length, heads, dim = int(seq_len), int(num_heads), int(head_dim)
    rows, features = x_flat.shape
    batch = rows // length
    x = x_flat.reshape(length, batch, features).transpose(1, 0, 2)
    rngs = nnx.Rngs(int(seed))
    norm = nnx.LayerNorm(features, rngs=rngs)
    attn = nnx.MultiHeadAttention(
        num_heads=heads, in_features=features, qkv_features=heads * dim, dropout_rate=0.1, decode=False, rngs=rngs
    )
    mask = nnx.make_causal_mask(jnp.ones((batch, length)))
    return x + attn(norm(x), mask=mask, deterministic=True)
