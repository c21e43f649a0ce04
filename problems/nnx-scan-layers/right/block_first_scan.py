# expect: accepted
"""nnx.scan called as a function with the block first: in_axes=(0, nnx.Carry), body(block, h)."""

import jax.numpy as jnp
from flax import nnx


class Block(nnx.Module):
    def __init__(self, dim, *, rngs):
        self.norm = nnx.LayerNorm(dim, rngs=rngs)
        self.linear = nnx.Linear(dim, dim, rngs=rngs)

    def __call__(self, x):
        return x + jnp.tanh(self.linear(self.norm(x)))


def apply_block(block, h):
    h = block(h)
    return h, h


def scan_layers(seed, x, num_layers):
    rngs = nnx.Rngs(int(seed))
    with nnx.split_rngs(rngs, splits=int(num_layers)):
        stack = nnx.vmap(lambda r: Block(x.shape[1], rngs=r), in_axes=0, out_axes=0)(rngs)

    scan_fn = nnx.scan(apply_block, in_axes=(0, nnx.Carry), out_axes=(nnx.Carry, 0))
    final, per_layer = scan_fn(stack, x)
    return per_layer
