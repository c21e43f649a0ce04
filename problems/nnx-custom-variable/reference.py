"""Reference: custom nnx.Variable types updated in __call__, trained next to nnx.Param and read back by type."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class CallCount(nnx.Variable):
    """How many times the module has run."""


class OutputMean(nnx.Variable):
    """Moving average of the per-column mean of the module's output."""


class TrackedLinear(nnx.Module):
    """An nnx.Linear that counts its calls and tracks a moving average of its outputs."""

    def __init__(self, d_in: int, d_out: int, momentum: float, *, rngs: nnx.Rngs):
        self.linear = nnx.Linear(d_in, d_out, rngs=rngs)
        self.calls = CallCount(jnp.array(0, dtype=jnp.int32))
        self.out_mean = OutputMean(jnp.zeros((d_out,), dtype=jnp.float32))
        self.momentum = momentum

    def __call__(self, x: jnp.ndarray) -> jnp.ndarray:
        out = self.linear(x)
        # Write through [...] so the Variable objects stay in place and keep their type.
        self.calls[...] += 1
        m = self.momentum
        self.out_mean[...] = m * self.out_mean[...] + (1.0 - m) * jnp.mean(out, axis=0)
        return out


def track_training(seed, x, y, lr, num_steps, momentum):
    """Return [calls, L2 norm of all Params, out_mean...] after int(num_steps) SGD steps."""
    model = TrackedLinear(x.shape[-1], y.shape[-1], momentum, rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, y):
        return jnp.mean((model(x) - y) ** 2)

    for _ in range(int(num_steps)):
        # The forward pass inside value_and_grad updates calls and out_mean; NNX carries
        # those updates back to `model`, and the optimizer only touches nnx.Param.
        _, grads = nnx.value_and_grad(loss_fn)(model, x, y)
        optimizer.update(model, grads)

    calls = nnx.state(model, CallCount)["calls"][...]
    out_mean = nnx.state(model, OutputMean)["out_mean"][...]
    params = nnx.state(model, nnx.Param)
    param_norm = jnp.sqrt(sum(jnp.sum(p**2) for p in jax.tree.leaves(params)))
    head = jnp.stack([calls.astype(jnp.float32), param_norm])
    return jnp.concatenate([head, out_mean])
