# expect: accepted
"""Style: no transforms; the split keys are made with jax.random.split and the members are built and run in a loop."""

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
    k = int(num_members)
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    params_keys = jax.random.split(rngs.params(), k)
    dropout_keys = jax.random.split(rngs.dropout(), k)

    # Build the members back to front: member i only ever sees key i, so the order is irrelevant.
    members = [None] * k
    for i in reversed(range(k)):
        member_rngs = nnx.Rngs(params=params_keys[i], dropout=dropout_keys[i])
        members[i] = Member(x.shape[1], int(d_hidden), int(d_out), rate, rngs=member_rngs)

    passes = []
    for _ in range(2):
        passes.append(jnp.stack([member(x) for member in members]))
    return jnp.stack(passes)
