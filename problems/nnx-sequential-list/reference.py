"""Reference: a stack of nnx.Linear layers of given widths, held in an nnx.List."""

import jax.numpy as jnp
from flax import nnx


class Stack(nnx.Module):
    """Linear layers of the given widths with a ReLU between consecutive layers."""

    def __init__(self, d_in: int, widths: list[int], *, rngs: nnx.Rngs):
        sizes = [d_in, *widths]
        # nnx.List registers every layer as a sub-module; a plain list would be refused.
        self.layers = nnx.List([nnx.Linear(a, b, rngs=rngs) for a, b in zip(sizes[:-1], sizes[1:], strict=True)])

    def __call__(self, x: jnp.ndarray) -> jnp.ndarray:
        *body, last = self.layers
        for layer in body:
            x = nnx.relu(layer(x))
        return last(x)


def stack_forward(seed, x, widths):
    """Build the stack from one nnx.Rngs(int(seed)) and return its output on x."""
    sizes = [int(w) for w in widths[0]]
    model = Stack(x.shape[-1], sizes, rngs=nnx.Rngs(int(seed)))
    return model(x)
