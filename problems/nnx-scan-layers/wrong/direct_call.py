# expect: runtime_error
"""Calls the stacked module like a single block, layer after layer, without any scan."""

import jax.numpy as jnp
from flax import nnx


class Block(nnx.Module):
    def __init__(self, dim, *, rngs):
        self.norm = nnx.LayerNorm(dim, rngs=rngs)
        self.linear = nnx.Linear(dim, dim, rngs=rngs)

    def __call__(self, x):
        return x + jnp.tanh(self.linear(self.norm(x)))


def scan_layers(seed, x, num_layers):
    @nnx.split_rngs(splits=int(num_layers))
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create(rngs):
        return Block(x.shape[-1], rngs=rngs)

    stack = create(nnx.Rngs(int(seed)))
    outputs = []
    h = x
    for _ in range(int(num_layers)):
        h = stack(h)
        outputs.append(h)
    return jnp.stack(outputs)
