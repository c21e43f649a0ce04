# expect: wrong_answer
"""Runs jax.vmap over nnx.merge but drops the updated state, so the second pass reuses the first pass's dropout keys."""

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

    @nnx.split_rngs(splits=int(num_members))
    @nnx.vmap(in_axes=0, out_axes=0)
    def create(rngs):
        return Member(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)

    graphdef, state = nnx.split(create(rngs))

    def apply(member_state, x):
        return nnx.merge(graphdef, member_state)(x)

    run = jax.vmap(apply, in_axes=(0, None))
    return jnp.stack([run(state, x), run(state, x)])
