# expect: wrong_answer
"""Broadcasts the unsplit Rngs to every layer (in_axes=(None,), axis_size=L), so all layers share the same weights."""

import jax.numpy as jnp
from flax import nnx


class Block(nnx.Module):
    def __init__(self, dim, *, rngs):
        self.norm = nnx.LayerNorm(dim, rngs=rngs)
        self.linear = nnx.Linear(dim, dim, rngs=rngs)

    def __call__(self, x):
        return x + jnp.tanh(self.linear(self.norm(x)))


@nnx.scan(in_axes=(nnx.Carry, 0), out_axes=(nnx.Carry, 0))
def run(h, block):
    h = block(h)
    return h, h


def scan_layers(seed, x, num_layers):
    @nnx.vmap(in_axes=(None,), out_axes=0, axis_size=int(num_layers))
    def create(rngs):
        return Block(x.shape[-1], rngs=rngs)

    stack = create(nnx.Rngs(int(seed)))
    _, outputs = run(x, stack)
    return outputs
