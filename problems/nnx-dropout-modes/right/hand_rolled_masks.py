# expect: accepted
"""Style: no nnx.Dropout; the weights come from the layers, the masks from keys rebuilt by hand with fold_in."""

import jax
import jax.numpy as jnp
from flax import nnx


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    rngs = nnx.Rngs(params=int(seed))
    linear1 = nnx.Linear(x.shape[1], int(d_hidden), rngs=rngs)
    linear2 = nnx.Linear(int(d_hidden), int(d_out), rngs=rngs)
    hidden = nnx.relu(linear1(x))

    # nnx.Dropout(rate, rngs=rngs) forks 'dropout': its private stream starts from the
    # parent's first key, fold_in(key(dropout_seed), 0), and its n-th mask uses fold_in(that, n).
    private = jax.random.fold_in(jax.random.key(int(dropout_seed)), 0)

    def masked(n):
        if rate == 0.0:
            return hidden
        keep = jax.random.bernoulli(jax.random.fold_in(private, n), 1.0 - rate, hidden.shape)
        return jnp.where(keep, hidden / (1.0 - rate), 0.0)

    return jnp.stack([linear2(masked(0)), linear2(masked(1)), linear2(hidden), linear2(masked(2))])
