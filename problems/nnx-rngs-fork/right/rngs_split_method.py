# expect: accepted
"""Style: Rngs.split(k) makes the batched Rngs by hand; nnx.vmap creates the ensemble, nnx.jit runs the forward pass."""

import jax.numpy as jnp
from flax import nnx


class Member(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(rate, rngs=rngs)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.linear2(self.dropout(nnx.relu(self.linear1(x))))


@nnx.jit
def forward(ensemble, x):
    return nnx.vmap(lambda member, x: member(x), in_axes=(0, None))(ensemble, x)


def ensemble_passes(seed, dropout_seed, x, num_members, d_hidden, d_out, rate):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    batched = rngs.split(int(num_members))  # every stream: split(stream(), k)

    @nnx.vmap(in_axes=0, out_axes=0)
    def create(rngs):
        return Member(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)

    ensemble = create(batched)
    first = forward(ensemble, x)
    second = forward(ensemble, x)
    return jnp.stack([first, second])
