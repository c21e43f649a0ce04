# expect: accepted
"""Style: functional NNX: nnx.split into Params and the rest, jax.value_and_grad with aux state, hand-written SGD."""

import jax
import jax.numpy as jnp
from flax import nnx


class CallCount(nnx.Variable):
    pass


class OutputMean(nnx.Variable):
    pass


class TrackedLinear(nnx.Module):
    def __init__(self, d_in, d_out, momentum, *, rngs):
        self.linear = nnx.Linear(d_in, d_out, rngs=rngs)
        self.calls = CallCount(jnp.zeros((), dtype=jnp.int32))
        self.out_mean = OutputMean(jnp.zeros(d_out, dtype=jnp.float32))
        self.momentum = momentum

    def __call__(self, x):
        out = self.linear(x)
        self.calls[...] = self.calls[...] + 1
        new = jnp.sum(out, axis=0) / out.shape[0]
        self.out_mean[...] = self.momentum * self.out_mean[...] + (1 - self.momentum) * new
        return out


def track_training(seed, x, y, lr, num_steps, momentum):
    model = TrackedLinear(x.shape[-1], y.shape[-1], momentum, rngs=nnx.Rngs(int(seed)))
    graphdef, params, rest = nnx.split(model, nnx.Param, ...)

    def loss_fn(params, rest):
        # copy=True: fresh Variable objects that belong to this trace, so __call__ may write to them
        m = nnx.merge(graphdef, params, rest, copy=True)
        loss = jnp.mean((m(x) - y) ** 2)
        return loss, nnx.state(m, nnx.Not(nnx.Param))

    for _ in range(int(num_steps)):
        (_, rest), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, rest)
        params = jax.tree.map(lambda p, g: p - lr * g, params, grads)

    model = nnx.merge(graphdef, params, rest)
    calls = nnx.state(model, CallCount)
    means = nnx.state(model, OutputMean)
    weights = jax.tree.leaves(nnx.state(model, nnx.Param))
    norm = jnp.sqrt(sum(jnp.vdot(w, w) for w in weights))
    (count,) = jax.tree.leaves(calls)
    (avg,) = jax.tree.leaves(means)
    return jnp.concatenate([jnp.stack([count.astype(jnp.float32), norm]), avg])
