# expect: wrong_answer
"""Creates a new nnx.Rngs(int(seed)) for every layer, so all layers draw the same key."""

from flax import nnx


class Stack(nnx.Module):
    def __init__(self, d_in, widths, *, seed):
        sizes = [d_in, *widths]
        self.layers = nnx.List(
            [nnx.Linear(a, b, rngs=nnx.Rngs(seed)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
        )

    def __call__(self, x):
        for layer in self.layers[:-1]:
            x = nnx.relu(layer(x))
        return self.layers[-1](x)


def stack_forward(seed, x, widths):
    sizes = [int(w) for w in widths[0]]
    model = Stack(x.shape[-1], sizes, seed=int(seed))
    return model(x)
