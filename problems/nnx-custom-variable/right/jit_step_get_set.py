# expect: accepted
"""Style: an @nnx.jit train step, get_value/set_value on the variables, direct attribute reads and optax.tree.norm."""

import jax.numpy as jnp
import optax
from flax import nnx


class CallCount(nnx.Variable):
    pass


class OutputMean(nnx.Variable):
    pass


class TrackedLinear(nnx.Module):
    def __init__(self, d_in, d_out, momentum, *, rngs):
        self.linear = nnx.Linear(d_in, d_out, rngs=rngs)
        self.calls = CallCount(jnp.array(0, dtype=jnp.int32))
        self.out_mean = OutputMean(jnp.zeros((d_out,), dtype=jnp.float32))
        self.momentum = momentum

    def __call__(self, x):
        out = self.linear(x)
        self.calls.set_value(self.calls.get_value() + 1)
        batch_mean = out.mean(axis=0)
        old = self.out_mean.get_value()
        self.out_mean.set_value(old + (1.0 - self.momentum) * (batch_mean - old))
        return out


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        return jnp.mean(jnp.square(model(x) - y))

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


def track_training(seed, x, y, lr, num_steps, momentum):
    model = TrackedLinear(x.shape[1], y.shape[1], float(momentum), rngs=nnx.Rngs(params=int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    for _ in range(int(num_steps)):
        train_step(model, optimizer, x, y)
    norm = optax.tree.norm(nnx.state(model, nnx.Param))
    head = jnp.array([model.calls.get_value(), norm], dtype=jnp.float32)
    return jnp.concatenate([head, model.out_mean.get_value()])
