# expect: accepted
"""One nnx.split into disjoint groups (narrowest filter first) plus nnx.filter_state for the path-based items,
forward passes under nnx.jit."""

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx


class Counter(nnx.Variable):
    pass


class Net(nnx.Module):
    def __init__(self, d_in, width, *, rngs):
        self.encoder = nnx.Linear(d_in, width, rngs=rngs)
        self.norm = nnx.BatchNorm(width, rngs=rngs)
        base = nnx.Linear(width, 3, rngs=rngs)
        self.head = nnx.LoRA(width, 2, 3, base_module=base, rngs=rngs)
        self.calls = Counter(jnp.array(0.0))

    def __call__(self, x):
        self.calls[...] += 1.0
        h = nnx.relu(self.norm(self.encoder(x)))
        return self.head(h)


def _size(state):
    return float(sum(np.size(a) for a in jax.tree.leaves(state)))


def _sq(state):
    return float(sum(np.sum(np.square(np.asarray(a, dtype=np.float64))) for a in jax.tree.leaves(state)))


def filter_report(seed, x, width, num_calls):
    model = Net(x.shape[-1], int(width), rngs=nnx.Rngs(int(seed)))

    @nnx.jit
    def forward(model, x):
        return model(x)

    for _ in range(int(num_calls)):
        forward(model, x)

    _, lora, base, stats, calls = nnx.split(model, nnx.LoRAParam, nnx.Param, nnx.BatchStat, Counter)
    head_base = nnx.filter_state(base, nnx.PathContains("head"))
    kernels = nnx.filter_state(base, nnx.All(nnx.PathContains("kernel"), nnx.Not(nnx.PathContains("head"))))
    return jnp.array(
        [
            _size(lora) + _size(base),
            _size(base),
            _sq(lora),
            _sq(stats),
            _sq(calls),
            _sq(head_base),
            _sq(kernels),
            _size(stats) + _size(calls),
        ],
        dtype=jnp.float32,
    )
