"""Reference: a two-layer MLP written as an nnx.Module subclass."""

import jax.numpy as jnp
from flax import nnx


class MLP(nnx.Module):
    """Linear -> ReLU -> Linear."""

    def __init__(self, d_in: int, hidden: int, d_out: int, *, rngs: nnx.Rngs):
        # Creation order decides which random key each layer draws: hidden layer first.
        self.hidden = nnx.Linear(d_in, hidden, rngs=rngs)
        self.out = nnx.Linear(hidden, d_out, rngs=rngs)

    def __call__(self, x: jnp.ndarray) -> jnp.ndarray:
        return self.out(nnx.relu(self.hidden(x)))


def mlp_forward(seed, x, hidden, d_out):
    """Build the MLP from one nnx.Rngs(int(seed)) and return its output on x, shape (N, d_out)."""
    model = MLP(x.shape[-1], int(hidden), int(d_out), rngs=nnx.Rngs(int(seed)))
    return model(x)
