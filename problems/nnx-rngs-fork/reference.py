"""Reference: an ensemble created under nnx.split_rngs + nnx.vmap, so each member owns one slice of every stream."""

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
    """Return two training-mode passes of every ensemble member, shape (2, K, N, D_out)."""
    k = int(num_members)
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))

    # split_rngs replaces each stream's key by jax.random.split(stream(), k) for the
    # duration of the call; vmap then hands member i the i-th key of every stream.
    @nnx.split_rngs(splits=k)
    @nnx.vmap(in_axes=0, out_axes=0)
    def create(rngs):
        return Member(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)

    ensemble = create(rngs)  # every Param and every dropout key/count has a leading axis k

    @nnx.vmap(in_axes=(0, None), out_axes=0)
    def forward(member, x):
        return member(x)

    first = forward(ensemble, x)  # (k, N, D_out); each member's dropout counter moves on
    second = forward(ensemble, x)
    return jnp.stack([first, second])
