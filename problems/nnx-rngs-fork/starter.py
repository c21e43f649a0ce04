import jax
import jax.numpy as jnp
from flax import nnx


class Member(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        # TODO: linear1 (d_in -> d_hidden), nnx.Dropout(rate, rngs=rngs), linear2 (d_hidden -> d_out),
        #       built in this order from rngs.
        pass

    def __call__(self, x):
        # TODO: linear2(dropout(relu(linear1(x))))
        return x


def ensemble_passes(seed, dropout_seed, x, num_members, d_hidden, d_out, rate):
    """Return two training-mode passes of every ensemble member, shape (2, K, N, D_out)."""
    # TODO: nnx.Rngs with 'params' (int(seed)) and 'dropout' (int(dropout_seed)) streams.
    # TODO: split each stream into K keys; member i is built from the i-th key of each stream.
    # TODO: run every member on x twice (training mode) and stack to (2, K, N, D_out).
    return jnp.zeros((2, int(num_members), x.shape[0], int(d_out)))
