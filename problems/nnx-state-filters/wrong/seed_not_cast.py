# expect: runtime_error
"""Passes the float seed straight to nnx.Rngs."""

import jax
import jax.numpy as jnp
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


def count(state):
    return sum(leaf.size for leaf in jax.tree.leaves(state))


def sumsq(state):
    return sum((jnp.sum(leaf**2) for leaf in jax.tree.leaves(state)), start=0.0)


def filter_report(seed, x, width, num_calls):
    model = Net(x.shape[-1], int(width), rngs=nnx.Rngs(seed))
    for _ in range(int(num_calls)):
        model(x)

    head = nnx.PathContains("head")
    report = [
        count(nnx.state(model, nnx.Param)),
        count(nnx.state(model, nnx.All(nnx.Param, nnx.Not(nnx.LoRAParam)))),
        sumsq(nnx.state(model, nnx.LoRAParam)),
        sumsq(nnx.state(model, nnx.BatchStat)),
        sumsq(nnx.state(model, Counter)),
        sumsq(nnx.state(model, nnx.All(head, nnx.Not(nnx.LoRAParam)))),
        sumsq(nnx.state(model, nnx.All(nnx.PathContains("kernel"), nnx.Not(head)))),
        count(nnx.state(model, nnx.Not(nnx.Param))),
    ]
    return jnp.array(report, dtype=jnp.float32)
