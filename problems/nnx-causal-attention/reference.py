"""Reference: a pre-norm causal self-attention block evaluated without dropout."""

import jax.numpy as jnp
from flax import nnx


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    """Return x + attention(layer_norm(x)) under a causal mask, shape (batch, seq_len, features)."""
    length, heads, dim = int(seq_len), int(num_heads), int(head_dim)
    rows, features = x_flat.shape
    batch = rows // length
    x = x_flat.reshape(batch, length, features)  # rows are grouped sequence by sequence

    rngs = nnx.Rngs(int(seed))
    norm = nnx.LayerNorm(features, rngs=rngs)  # created first: it takes the first keys
    attn = nnx.MultiHeadAttention(
        num_heads=heads,
        in_features=features,
        qkv_features=heads * dim,  # the total width of q, k and v over all heads
        dropout_rate=0.1,
        decode=False,
        rngs=rngs,
    )

    mask = nnx.make_causal_mask(jnp.ones((batch, length)))  # (batch, 1, length, length)
    return x + attn(norm(x), mask=mask, deterministic=True)
