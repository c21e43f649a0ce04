# expect: wrong_answer
"""Seeds member i with seed + i and dropout_seed + i instead of splitting the streams."""

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
    members = []
    for i in range(int(num_members)):
        rngs = nnx.Rngs(params=int(seed) + i, dropout=int(dropout_seed) + i)
        members.append(Member(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs))

    passes = [jnp.stack([member(x) for member in members]) for _ in range(2)]
    return jnp.stack(passes)
