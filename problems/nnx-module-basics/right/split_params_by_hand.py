# expect: accepted
"""Style: build the module, take its parameters out with nnx.split and redo the maths by hand with jnp."""

import jax.numpy as jnp
from flax import nnx


class MLP(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, hidden, rngs=rngs)
        self.out = nnx.Linear(hidden, d_out, rngs=rngs)

    def __call__(self, x):
        h = jnp.maximum(self.hidden(x), 0.0)
        return self.out(h)


def mlp_forward(seed, x, hidden, d_out):
    model = MLP(x.shape[-1], int(hidden), int(d_out), rngs=nnx.Rngs(int(seed)))
    _, params = nnx.split(model, nnx.Param)
    h = jnp.maximum(x @ params["hidden"]["kernel"][...] + params["hidden"]["bias"][...], 0.0)
    y = h @ params["out"]["kernel"][...] + params["out"]["bias"][...]
    # the module itself must agree with the hand-written maths
    assert jnp.allclose(y, model(x), atol=1e-5)
    return y
