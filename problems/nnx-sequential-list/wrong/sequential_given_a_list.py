# expect: runtime_error
"""Passes the list of callables to nnx.Sequential as one argument instead of unpacking it with *."""

from flax import nnx


def stack_forward(seed, x, widths):
    sizes = [x.shape[-1]] + [int(w) for w in widths[0]]
    rngs = nnx.Rngs(int(seed))
    items = []
    for a, b in zip(sizes[:-1], sizes[1:], strict=True):
        items.append(nnx.Linear(a, b, rngs=rngs))
        items.append(nnx.relu)
    model = nnx.Sequential(items[:-1])
    return model(x)
