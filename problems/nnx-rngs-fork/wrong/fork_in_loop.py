# expect: wrong_answer
"""Gives each member rngs.fork(): distinct members, but member i gets the parent's i-th keys, not the split ones."""

import jax
import jax.numpy as jnp
from flax import nnx


class Member(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(rate, rngs=rngs)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.linear2(self.dropout(nnx.relu(self.linear1(x))))


def ensemble_passes(seed, dropout_seed, x, num_members, d_hidden, d_out, rate):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    members = [Member(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs.fork()) for _ in range(int(num_members))]

    passes = [jnp.stack([member(x) for member in members]) for _ in range(2)]
    return jnp.stack(passes)
