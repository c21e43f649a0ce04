# expect: wrong_answer
"""Builds a new model for every pass, so each training pass starts a fresh dropout stream and repeats the first mask."""

import jax.numpy as jnp
from flax import nnx


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(rate, rngs=rngs)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.linear2(self.dropout(nnx.relu(self.linear1(x))))


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    def build():
        rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
        return DropoutMLP(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)

    outputs = []
    for training in (True, True, False, True):
        model = build()
        if training:
            model.train()
        else:
            model.eval()
        outputs.append(model(x))
    return jnp.stack(outputs)
