# expect: accepted
"""An nnx.Module block switched to eval mode with .eval(), masked with a (L, L) jnp.tril array."""

import jax.numpy as jnp
from flax import nnx


class PreNormCausalBlock(nnx.Module):
    def __init__(self, features, heads, head_dim, *, rngs: nnx.Rngs):
        self.norm = nnx.LayerNorm(features, rngs=rngs)
        self.attn = nnx.MultiHeadAttention(
            heads,
            features,
            heads * head_dim,
            dropout_rate=0.1,
            decode=False,
            rngs=rngs,
        )

    def __call__(self, x):
        length = x.shape[-2]
        causal = jnp.tril(jnp.ones((length, length), dtype=bool))  # broadcasts over batch and heads
        return x + self.attn(self.norm(x), mask=causal)


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    L = int(seq_len)
    x = x_flat.reshape(-1, L, x_flat.shape[-1])
    block = PreNormCausalBlock(x.shape[-1], int(num_heads), int(head_dim), rngs=nnx.Rngs(int(seed)))
    block.eval()  # sets deterministic=True on the attention layer
    return block(x)
