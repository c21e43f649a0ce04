import jax
import jax.numpy as jnp
from flax import nnx


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        # TODO: build, in this order, linear1 (d_in -> d_hidden), an nnx.Dropout(rate) that
        #       receives rngs, and linear2 (d_hidden -> d_out).
        pass

    def __call__(self, x):
        # TODO: linear2(dropout(relu(linear1(x))))
        return x


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    """Return the stacked outputs of: train pass, train pass, eval pass, train pass."""
    # TODO: nnx.Rngs with a 'params' stream (int(seed)) and a 'dropout' stream (int(dropout_seed)).
    # TODO: build one DropoutMLP.
    # TODO: two passes in training mode, one in eval mode, then one more in training mode.
    return jnp.zeros((4, x.shape[0], int(d_out)))
