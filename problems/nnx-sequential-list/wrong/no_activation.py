# expect: wrong_answer
"""Chains the Linear layers with no ReLU between them, so the stack is one linear map."""

from flax import nnx


def stack_forward(seed, x, widths):
    sizes = [x.shape[-1]] + [int(w) for w in widths[0]]
    rngs = nnx.Rngs(int(seed))
    model = nnx.Sequential(*[nnx.Linear(a, b, rngs=rngs) for a, b in zip(sizes[:-1], sizes[1:], strict=True)])
    return model(x)
