# expect: accepted
"""Style: never flips the model; nnx.view gives a training view and an eval view sharing its weights and stream."""

import jax.numpy as jnp
from flax import nnx


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(rate, rngs=rngs)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        h = nnx.relu(self.linear1(x))
        return self.linear2(self.dropout(h))


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = DropoutMLP(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)
    train_view = nnx.view(model, deterministic=False)
    eval_view = nnx.view(model, deterministic=True)
    outputs = [train_view(x), train_view(x), eval_view(x), train_view(x)]
    return jnp.stack(outputs)
