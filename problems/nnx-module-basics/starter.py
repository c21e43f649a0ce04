import jax
import jax.numpy as jnp
from flax import nnx


class MLP(nnx.Module):
    """Linear -> ReLU -> Linear."""

    def __init__(self, d_in, hidden, d_out, *, rngs):
        # TODO: create self.hidden = nnx.Linear(d_in -> hidden), then self.out = nnx.Linear(hidden -> d_out),
        #       both with rngs=rngs, in that order
        pass

    def __call__(self, x):
        # TODO: hidden layer, nnx.relu, output layer (no activation on the output)
        return x


def mlp_forward(seed, x, hidden, d_out):
    """Build the MLP from one nnx.Rngs(int(seed)) and return its output on x, shape (N, d_out)."""
    # TODO: cast hidden and d_out with int(), build MLP(x.shape[-1], ..., rngs=nnx.Rngs(int(seed)))
    # TODO: return model(x)
    return jnp.zeros((x.shape[0], int(d_out)))
