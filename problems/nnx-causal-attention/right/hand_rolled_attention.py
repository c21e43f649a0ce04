# expect: accepted
"""Builds the layers only for their weights, then computes LayerNorm and masked attention by hand."""

import jax
import jax.numpy as jnp
from flax import nnx


def causal_attention_block(seed, x_flat, seq_len, num_heads, head_dim):
    L, H, D = int(seq_len), int(num_heads), int(head_dim)
    F = x_flat.shape[1]
    x = x_flat.reshape(x_flat.shape[0] // L, L, F)

    rngs = nnx.Rngs(int(seed))
    norm = nnx.LayerNorm(F, rngs=rngs)
    mha = nnx.MultiHeadAttention(H, F, H * D, dropout_rate=0.1, decode=False, rngs=rngs)

    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    h = (x - mu) / jnp.sqrt(var + 1e-6) * norm.scale[...] + norm.bias[...]

    def project(layer):  # (B, L, F) -> (B, L, H, D)
        return jnp.einsum("blf,fhd->blhd", h, layer.kernel[...]) + layer.bias[...]

    q, k, v = project(mha.query), project(mha.key), project(mha.value)
    scores = jnp.einsum("bqhd,bkhd->bhqk", q, k) / jnp.sqrt(D)
    allowed = jnp.arange(L)[None, :] <= jnp.arange(L)[:, None]  # key index <= query index
    scores = jnp.where(allowed, scores, -jnp.inf)
    weights = jax.nn.softmax(scores, axis=-1)
    heads_out = jnp.einsum("bhqk,bkhd->bqhd", weights, v)
    out = jnp.einsum("bqhd,hdf->bqf", heads_out, mha.out.kernel[...]) + mha.out.bias[...]
    return x + out
