# expect: accepted
"""The Python loop the scan replaces: slice layer i out of the stacked state and nnx.merge it into a Block."""

import jax
import jax.numpy as jnp
from flax import nnx


class Block(nnx.Module):
    def __init__(self, dim, *, rngs):
        self.norm = nnx.LayerNorm(dim, rngs=rngs)
        self.linear = nnx.Linear(dim, dim, rngs=rngs)

    def __call__(self, x):
        return x + jnp.tanh(self.linear(self.norm(x)))


def scan_layers(seed, x, num_layers):
    num = int(num_layers)

    @nnx.split_rngs(splits=num)
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create(rngs):
        return Block(x.shape[-1], rngs=rngs)

    graphdef, state = nnx.split(create(nnx.Rngs(int(seed))))
    h, outputs = x, []
    for i in range(num):
        layer = nnx.merge(graphdef, jax.tree.map(lambda leaf, i=i: leaf[i], state))
        h = layer(h)
        outputs.append(h)
    return jnp.stack(outputs)
