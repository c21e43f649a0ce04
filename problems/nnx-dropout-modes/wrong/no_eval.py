# expect: wrong_answer
"""Never calls model.eval(), so the third pass is masked like the training passes."""

import jax.numpy as jnp
from flax import nnx


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(rate, rngs=rngs)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.linear2(self.dropout(nnx.relu(self.linear1(x))))


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    """Return the stacked outputs of: train pass, train pass, eval pass, train pass."""
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = DropoutMLP(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)

    model.train()
    first = model(x)
    second = model(x)
    evaluated = model(x)
    model.train()
    again = model(x)
    return jnp.stack([first, second, evaluated, again])
