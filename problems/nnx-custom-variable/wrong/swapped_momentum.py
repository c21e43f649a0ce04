# expect: wrong_answer
"""Weights the new batch mean by momentum and the old average by 1 - momentum, the reverse of the rule."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class CallCount(nnx.Variable):
    pass


class OutputMean(nnx.Variable):
    pass


class TrackedLinear(nnx.Module):
    def __init__(self, d_in: int, d_out: int, momentum: float, *, rngs: nnx.Rngs):
        self.linear = nnx.Linear(d_in, d_out, rngs=rngs)
        self.calls = CallCount(jnp.array(0, dtype=jnp.int32))
        self.out_mean = OutputMean(jnp.zeros((d_out,), dtype=jnp.float32))
        self.momentum = momentum

    def __call__(self, x: jnp.ndarray) -> jnp.ndarray:
        out = self.linear(x)
        self.calls[...] += 1
        m = self.momentum
        self.out_mean[...] = (1.0 - m) * self.out_mean[...] + m * jnp.mean(out, axis=0)
        return out


def track_training(seed, x, y, lr, num_steps, momentum):
    model = TrackedLinear(x.shape[-1], y.shape[-1], momentum, rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, y):
        return jnp.mean((model(x) - y) ** 2)

    for _ in range(int(num_steps)):
        _, grads = nnx.value_and_grad(loss_fn)(model, x, y)
        optimizer.update(model, grads)

    calls = nnx.state(model, CallCount)["calls"][...]
    out_mean = nnx.state(model, OutputMean)["out_mean"][...]
    params = nnx.state(model, nnx.Param)
    param_norm = jnp.sqrt(sum(jnp.sum(p**2) for p in jax.tree.leaves(params)))
    head = jnp.stack([calls.astype(jnp.float32), param_norm])
    return jnp.concatenate([head, out_mean])
