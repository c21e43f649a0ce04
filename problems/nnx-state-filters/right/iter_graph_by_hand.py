# expect: accepted
"""No filter objects at all: walks nnx.iter_graph and tests isinstance and the path by hand."""

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


def filter_report(seed, x, width, num_calls):
    model = Net(x.shape[-1], int(width), rngs=nnx.Rngs(int(seed)))
    for _ in range(int(num_calls)):
        model(x)

    out = [0.0] * 8
    for path, node in nnx.iter_graph(model):
        if not isinstance(node, nnx.Variable):
            continue
        value = node[...]
        size, sq = value.size, jnp.sum(value * value)
        is_param = isinstance(node, nnx.Param)
        is_lora = isinstance(node, nnx.LoRAParam)
        in_head = "head" in path
        if is_param:
            out[0] += size
            if not is_lora:
                out[1] += size
        else:
            out[7] += size
        if is_lora:
            out[2] += sq
        if isinstance(node, nnx.BatchStat):
            out[3] += sq
        if isinstance(node, Counter):
            out[4] += sq
        if in_head and not is_lora:
            out[5] += sq
        if "kernel" in path and not in_head:
            out[6] += sq
    return jnp.array(out, dtype=jnp.float32)
