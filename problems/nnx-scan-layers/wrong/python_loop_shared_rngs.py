# expect: wrong_answer
"""Creates the blocks one after another from one shared Rngs and loops over them: different weights than the split."""

import jax.numpy as jnp
from flax import nnx


class Block(nnx.Module):
    def __init__(self, dim, *, rngs):
        self.norm = nnx.LayerNorm(dim, rngs=rngs)
        self.linear = nnx.Linear(dim, dim, rngs=rngs)

    def __call__(self, x):
        return x + jnp.tanh(self.linear(self.norm(x)))


def scan_layers(seed, x, num_layers):
    rngs = nnx.Rngs(int(seed))
    blocks = [Block(x.shape[-1], rngs=rngs) for _ in range(int(num_layers))]
    outputs = []
    h = x
    for block in blocks:
        h = block(h)
        outputs.append(h)
    return jnp.stack(outputs)
