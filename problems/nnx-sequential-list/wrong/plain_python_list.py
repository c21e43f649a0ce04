# expect: runtime_error
"""Stores the layers in a plain Python list attribute, which an nnx.Module refuses."""

from flax import nnx


class Stack(nnx.Module):
    def __init__(self, d_in, widths, *, rngs):
        sizes = [d_in, *widths]
        self.layers = [nnx.Linear(a, b, rngs=rngs) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]

    def __call__(self, x):
        for layer in self.layers[:-1]:
            x = nnx.relu(layer(x))
        return self.layers[-1](x)


def stack_forward(seed, x, widths):
    sizes = [int(w) for w in widths[0]]
    model = Stack(x.shape[-1], sizes, rngs=nnx.Rngs(int(seed)))
    return model(x)
