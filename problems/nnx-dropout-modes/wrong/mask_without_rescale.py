# expect: wrong_answer
"""A hand-written dropout layer with the right keys that forgets to divide the kept units by 1 - rate."""

import jax
import jax.numpy as jnp
from flax import nnx


class MyDropout(nnx.Module):
    def __init__(self, rate, *, rngs: nnx.Rngs):
        self.rate = rate
        self.deterministic = False
        self.rngs = rngs.dropout.fork()

    def __call__(self, h):
        if self.deterministic or self.rate == 0.0:
            return h
        keep = jax.random.bernoulli(self.rngs(), 1.0 - self.rate, h.shape)
        return jnp.where(keep, h, 0.0)


class DropoutMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rate, *, rngs: nnx.Rngs):
        self.linear1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.dropout = MyDropout(rate, rngs=rngs)
        self.linear2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.linear2(self.dropout(nnx.relu(self.linear1(x))))


def dropout_passes(seed, dropout_seed, x, d_hidden, d_out, rate):
    rngs = nnx.Rngs(params=int(seed), dropout=int(dropout_seed))
    model = DropoutMLP(x.shape[1], int(d_hidden), int(d_out), rate, rngs=rngs)
    model.train()
    first = model(x)
    second = model(x)
    model.eval()
    evaluated = model(x)
    model.train()
    again = model(x)
    return jnp.stack([first, second, evaluated, again])
