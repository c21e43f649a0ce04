import jax
import jax.numpy as jnp
from flax import nnx


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    """Return x + attention(layer_norm(x)) under a causal mask, shape (batch, seq_len, features)."""
    # TODO: cast seq_len, num_heads and head_dim with int() and reshape x_flat to
    #       (batch, seq_len, features), where batch = x_flat.shape[0] // seq_len.
    # TODO: from one rngs = nnx.Rngs(int(seed)) build first nnx.LayerNorm(features), then
    #       nnx.MultiHeadAttention with qkv_features=num_heads * head_dim, dropout_rate=0.1
    #       and decode=False.
    # TODO: build the causal mask with nnx.make_causal_mask.
    # TODO: return x + attention(layer_norm(x)) with the mask and without dropout.
    length = int(seq_len)
    return jnp.zeros((x_flat.shape[0] // length, length, x_flat.shape[1]))
