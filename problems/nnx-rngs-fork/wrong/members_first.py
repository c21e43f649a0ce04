# expect: wrong_answer
"""Stacks the passes along axis 1, returning (K, 2, N, D_out) instead of (2, K, N, D_out)."""

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

    ensemble = create(rngs)

    @nnx.vmap(in_axes=(0, None), out_axes=0)
    def forward(member, x):
        return member(x)

    first = forward(ensemble, x)
    second = forward(ensemble, x)
    return jnp.stack([first, second], axis=1)
