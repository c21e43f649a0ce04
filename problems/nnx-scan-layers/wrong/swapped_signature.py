# expect: runtime_error
"""Names the body's parameters (block, h) while in_axes=(nnx.Carry, 0) says the carry comes first."""

import jax.numpy as jnp
from flax import nnx


class Block(nnx.Module):
    def __init__(self, dim, *, rngs):
        self.norm = nnx.LayerNorm(dim, rngs=rngs)
        self.linear = nnx.Linear(dim, dim, rngs=rngs)

    def __call__(self, x):
        return x + jnp.tanh(self.linear(self.norm(x)))


@nnx.scan(in_axes=(nnx.Carry, 0), out_axes=(nnx.Carry, 0))
def run(block, h):
    h = block(h)
    return h, h


def scan_layers(seed, x, num_layers):
    @nnx.split_rngs(splits=int(num_layers))
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create(rngs):
        return Block(x.shape[-1], rngs=rngs)

    stack = create(nnx.Rngs(int(seed)))
    _, outputs = run(x, stack)
    return outputs
