# expect: wrong_answer
"""Emits each layer's input as the per-step output, so the stack is shifted by one layer and starts with x."""

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
    return block(h), h


def scan_layers(seed, x, num_layers):
    @nnx.split_rngs(splits=int(num_layers))
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create(rngs):
        return Block(x.shape[-1], rngs=rngs)

    stack = create(nnx.Rngs(int(seed)))
    _, outputs = run(x, stack)
    return outputs
