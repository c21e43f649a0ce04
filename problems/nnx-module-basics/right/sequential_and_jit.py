# expect: accepted
"""Style: the MLP wraps an nnx.Sequential (with jax.nn.relu) and is run through an @nnx.jit function."""

import jax
from flax import nnx


class MLP(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.net = nnx.Sequential(
            nnx.Linear(d_in, hidden, rngs=rngs),
            jax.nn.relu,
            nnx.Linear(hidden, d_out, rngs=rngs),
        )

    def __call__(self, x):
        return self.net(x)


@nnx.jit
def run(model, x):
    return model(x)


def mlp_forward(seed, x, hidden, d_out):
    rngs = nnx.Rngs(params=int(seed))
    model = MLP(int(x.shape[1]), int(hidden), int(d_out), rngs=rngs)
    return run(model, x)
