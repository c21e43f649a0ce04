"""Reference: an MLP with nnx.Dropout, run twice in training mode, once in eval mode and once more in training mode."""

import jax.numpy as jnp
from flax import nnx


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)  # 'params' keys 0 and 1
        self.dropout = nnx.Dropout(rate, rngs=rngs)  # forks the 'dropout' stream
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)  # 'params' keys 2 and 3

    def __call__(self, x):
        return self.linear2(self.dropout(nnx.relu(self.linear1(x))))


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    """Return the stacked outputs of: train pass, train pass, eval pass, train pass."""
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = DropoutMLP(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)

    model.train()
    first = model(x)  # first dropout key
    second = model(x)  # second dropout key: a new mask
    model.eval()
    evaluated = model(x)  # no mask, no key used
    model.train()
    again = model(x)  # third dropout key
    return jnp.stack([first, second, evaluated, again])
