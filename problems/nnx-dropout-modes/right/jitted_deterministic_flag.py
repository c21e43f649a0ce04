# expect: accepted
"""Style: a deterministic flag threaded through __call__ and a forward pass compiled with nnx.jit."""

from functools import partial

import jax.numpy as jnp
from flax import nnx


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(rate, rngs=rngs)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x, *, deterministic: bool):
        h = nnx.relu(self.linear1(x))
        h = self.dropout(h, deterministic=deterministic)
        return self.linear2(h)


@partial(nnx.jit, static_argnames="deterministic")
def forward(model, x, deterministic):
    # The Dropout's stream counter moves inside the compiled call; nnx.jit writes it back.
    return model(x, deterministic=deterministic)


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    model = DropoutMLP(
        x.shape[1], int(d_hidden), int(d_out), rate, rngs=nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    )
    return jnp.stack([forward(model, x, flag) for flag in (False, False, True, False)])
