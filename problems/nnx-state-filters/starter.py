"""Starter for nnx-state-filters."""

import jax
import jax.numpy as jnp
from flax import nnx


class Counter(nnx.Variable):
    """Counts forward passes: a custom Variable type, neither a Param nor a BatchStat."""


class Net(nnx.Module):
    """Linear encoder, BatchNorm, and a LoRA-wrapped linear head with 3 outputs. Use it as it is."""

    def __init__(self, d_in, width, *, rngs):
        self.encoder = nnx.Linear(d_in, width, rngs=rngs)
        self.norm = nnx.BatchNorm(width, rngs=rngs)
        base = nnx.Linear(width, 3, rngs=rngs)
        self.head = nnx.LoRA(width, 2, 3, base_module=base, rngs=rngs)
        self.calls = Counter(jnp.array(0.0))

    def __call__(self, x):
        self.calls[...] += 1.0
        h = nnx.relu(self.norm(self.encoder(x)))
        return self.head(h)


def filter_report(seed, x, width, num_calls):
    """Return eight counts and sums of squares of filtered parts of the model's state."""
    # TODO: model = Net(x.shape[-1], int(width), rngs=nnx.Rngs(int(seed)))
    # TODO: call model(x) int(num_calls) times (training mode, no jax.jit around it)
    # TODO: two helpers over the leaves of a State: element count and sum of squares
    # TODO: build the eight selections with nnx.state(model, <filter>) and nnx.All / nnx.Not /
    #       nnx.PathContains, in the order the statement lists them
    return jnp.zeros((8,))
