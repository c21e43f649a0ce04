# expect: accepted
"""Style: functional API; member states stacked by hand and run with jax.vmap over nnx.merge, state carried forward."""

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

    def build(i):
        member_rngs = nnx.Rngs(params=params_keys[i], dropout=dropout_keys[i])
        return Member(x.shape[1], int(d_hidden), int(d_out), rate, rngs=member_rngs)

    graphdefs_states = [nnx.split(build(i)) for i in range(k)]
    graphdef = graphdefs_states[0][0]
    state = jax.tree.map(lambda *leaves: jnp.stack(leaves), *[s for _, s in graphdefs_states])

    def apply(member_state, x):
        member = nnx.merge(graphdef, member_state)
        y = member(x)
        return y, nnx.state(member)  # the dropout counter has moved on

    run = jax.vmap(apply, in_axes=(0, None))
    first, state = run(state, x)
    second, state = run(state, x)
    return jnp.stack([first, second])
