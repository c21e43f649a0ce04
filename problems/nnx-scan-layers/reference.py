"""Reference: L residual blocks stacked with split_rngs + nnx.vmap, run over depth with nnx.scan."""

import jax.numpy as jnp
from flax import nnx


class Block(nnx.Module):
    """Pre-norm residual block: x + tanh(linear(norm(x)))."""

    def __init__(self, dim, *, rngs):
        self.norm = nnx.LayerNorm(dim, rngs=rngs)
        self.linear = nnx.Linear(dim, dim, rngs=rngs)

    def __call__(self, x):
        return x + jnp.tanh(self.linear(self.norm(x)))


@nnx.scan(in_axes=(nnx.Carry, 0), out_axes=(nnx.Carry, 0))
def run_layers(h, block):
    """One scan iteration per layer: h is carried, block is one slice of the stack."""
    h = block(h)
    return h, h  # the new carry, and this layer's output to stack


def scan_layers(seed, x, num_layers):
    """Build int(num_layers) blocks at once and return every layer's output, shape (L, N, D)."""
    dim = x.shape[-1]

    @nnx.split_rngs(splits=int(num_layers))
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create_stack(rngs):
        return Block(dim, rngs=rngs)

    stack = create_stack(nnx.Rngs(int(seed)))
    _, outputs = run_layers(x, stack)
    return outputs
