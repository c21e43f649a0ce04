# expect: wrong_answer
"""Builds a fresh nnx.Rngs(int(seed)) for each layer instead of sharing one, so both layers start from the same key."""

from flax import nnx


class MLP(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, seed):
        self.hidden = nnx.Linear(d_in, hidden, rngs=nnx.Rngs(seed))
        self.out = nnx.Linear(hidden, d_out, rngs=nnx.Rngs(seed))

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def mlp_forward(seed, x, hidden, d_out):
    model = MLP(x.shape[-1], int(hidden), int(d_out), seed=int(seed))
    return model(x)
