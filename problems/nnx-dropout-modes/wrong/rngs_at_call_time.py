# expect: wrong_answer
"""Builds nnx.Dropout(rate) without rngs and passes the Rngs at call time: masks from the parent stream, not a fork."""

import jax.numpy as jnp
from flax import nnx


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(rate)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x, *, rngs=None):
        return self.linear2(self.dropout(nnx.relu(self.linear1(x)), rngs=rngs))


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = DropoutMLP(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)
    model.train()
    first = model(x, rngs=rngs)
    second = model(x, rngs=rngs)
    model.eval()
    evaluated = model(x)
    model.train()
    again = model(x, rngs=rngs)
    return jnp.stack([first, second, evaluated, again])
