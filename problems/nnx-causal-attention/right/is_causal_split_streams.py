# expect: accepted
"""Separate params and dropout streams, deterministic=True in the constructor, and is_causal=True in the call."""

from flax import nnx


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    length = int(seq_len)
    batch, features = x_flat.shape[0] // length, x_flat.shape[1]
    x = x_flat.reshape(batch, length, features)
    rngs = nnx.Rngs(params=int(seed), dropout=int(seed) + 100)  # dropout is never used in eval mode
    ln = nnx.LayerNorm(num_features=features, rngs=rngs)
    mha = nnx.MultiHeadAttention(
        num_heads=int(num_heads),
        in_features=features,
        qkv_features=int(num_heads) * int(head_dim),
        out_features=features,
        dropout_rate=0.1,
        deterministic=True,
        decode=False,
        rngs=rngs,
    )
    return mha(ln(x), is_causal=True) + x
