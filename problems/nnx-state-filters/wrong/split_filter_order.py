# expect: wrong_answer
"""Splits with nnx.Param listed before nnx.LoRAParam: the Param group takes the LoRA matrices and the LoRA group is
empty."""

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
    model = Net(x.shape[-1], int(width), rngs=nnx.Rngs(int(seed)))
    for _ in range(int(num_calls)):
        model(x)

    _, params, lora, stats, calls = nnx.split(model, nnx.Param, nnx.LoRAParam, nnx.BatchStat, Counter)
    head = nnx.PathContains("head")
    report = [
        count(params) + count(lora),
        count(params),
        sumsq(lora),
        sumsq(stats),
        sumsq(calls),
        sumsq(nnx.state(model, nnx.All(head, nnx.Not(nnx.LoRAParam)))),
        sumsq(nnx.state(model, nnx.All(nnx.PathContains("kernel"), nnx.Not(head)))),
        count(stats) + count(calls),
    ]
    return jnp.array(report, dtype=jnp.float32)
