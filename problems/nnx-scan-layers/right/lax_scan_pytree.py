# expect: accepted
"""Tree style: Rngs.split + jax.vmap to build the stack, jax.lax.scan directly over the module (a pytree)."""

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
    keys = nnx.Rngs(int(seed)).split(int(num_layers))
    stack = jax.vmap(lambda rngs: Block(x.shape[-1], rngs=rngs))(keys)

    def step(h, block):
        out = block(h)
        return out, out

    _, outputs = jax.lax.scan(step, x, stack)
    return outputs
