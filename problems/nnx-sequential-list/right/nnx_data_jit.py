# expect: accepted
"""Style: a list wrapped in nnx.data, layers grown one by one, and the forward pass run under @nnx.jit."""

import jax
import numpy as np
from flax import nnx


class Stack(nnx.Module):
    def __init__(self, d_in, widths, *, rngs):
        self.layers = nnx.data([])
        fan_in = d_in
        for width in widths:
            self.layers.append(nnx.Linear(fan_in, width, rngs=rngs))
            fan_in = width

    def __call__(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = jax.nn.relu(x)
        return x


@nnx.jit
def forward(model, x):
    return model(x)


def stack_forward(seed, x, widths):
    sizes = np.asarray(widths).astype(int).ravel().tolist()
    model = Stack(x.shape[1], sizes, rngs=nnx.Rngs(params=int(seed)))
    return forward(model, x)
