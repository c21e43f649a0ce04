# expect: runtime_error
"""Builds every layer with D_in inputs, so the second layer cannot take the first one's output."""

from flax import nnx


class Stack(nnx.Module):
    def __init__(self, d_in, widths, *, rngs):
        self.layers = nnx.List([nnx.Linear(d_in, w, rngs=rngs) for w in widths])

    def __call__(self, x):
        for layer in self.layers[:-1]:
            x = nnx.relu(layer(x))
        return self.layers[-1](x)


def stack_forward(seed, x, widths):
    sizes = [int(w) for w in widths[0]]
    model = Stack(x.shape[-1], sizes, rngs=nnx.Rngs(int(seed)))
    return model(x)
