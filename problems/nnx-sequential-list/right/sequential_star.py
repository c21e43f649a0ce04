# expect: accepted
"""Style: no custom class; an nnx.Sequential of layers with nnx.relu functions between them."""

from flax import nnx


def stack_forward(seed, x, widths):
    sizes = [int(x.shape[-1])] + [int(w) for w in widths[0].tolist()]
    rngs = nnx.Rngs(int(seed))
    items = []
    for i in range(1, len(sizes)):
        if items:
            items.append(nnx.relu)
        items.append(nnx.Linear(sizes[i - 1], sizes[i], rngs=rngs))
    model = nnx.Sequential(*items)
    return model(x)
