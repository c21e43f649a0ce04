# expect: accepted
"""Tree style: jax.jit on a step that returns the updated model and optimizer (both pytrees), rebound each call."""

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


@jax.jit
def train_step(model, optimizer, xb, yb):
    def loss_fn(model):
        return jnp.mean((model(xb) - yb) ** 2)

    loss, grads = jax.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return model, optimizer, loss


def jit_train_losses(seed, x, y, batch_size, lr, num_steps):
    model = MLP(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr, momentum=0.9), wrt=nnx.Param)
    bs = int(batch_size)
    starts = range(0, x.shape[0], bs)
    losses = []
    for t in range(int(num_steps)):
        s = starts[t % len(starts)]
        model, optimizer, loss = train_step(model, optimizer, x[s : s + bs], y[s : s + bs])
        losses.append(loss)
    return jnp.array(losses)
