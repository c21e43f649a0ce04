# expect: accepted
"""Functional style: nnx.split model and optimizer, jax.jit a pure step over their state, nnx.merge inside."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class MLP(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 16, rngs=rngs)
        self.out = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def jit_train_losses(seed, x, y, batch_size, lr, num_steps):
    model = MLP(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr, momentum=0.9), wrt=nnx.Param)
    graphdef, state = nnx.split((model, optimizer))

    @jax.jit
    def step(state, xb, yb):
        model, optimizer = nnx.merge(graphdef, state)

        def mse(m):
            return ((m(xb) - yb) ** 2).mean()

        loss, grads = nnx.value_and_grad(mse)(model)
        optimizer.update(model, grads)
        return loss, nnx.state((model, optimizer))

    bs = int(batch_size)
    n = x.shape[0]
    num_batches = (n + bs - 1) // bs
    losses = []
    for t in range(int(num_steps)):
        b = t % num_batches
        loss, state = step(state, x[b * bs : min((b + 1) * bs, n)], y[b * bs : min((b + 1) * bs, n)])
        losses.append(loss)
    return jnp.asarray(losses, dtype=jnp.float32)
