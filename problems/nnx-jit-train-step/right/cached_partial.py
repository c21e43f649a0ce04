# expect: accepted
"""nnx.jit step bound to the model and optimizer with nnx.cached_partial, the low-overhead calling pattern."""

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

    @nnx.jit
    def train_step(model, optimizer, xb, yb):
        def loss_fn(model):
            return jnp.mean(jnp.square(model(xb) - yb))

        loss, grads = nnx.value_and_grad(loss_fn)(model)
        optimizer.update(model, grads)
        return loss

    cached_step = nnx.cached_partial(train_step, model, optimizer)
    bs = int(batch_size)
    batches = [(x[i : i + bs], y[i : i + bs]) for i in range(0, x.shape[0], bs)]
    losses = [cached_step(*batches[t % len(batches)]) for t in range(int(num_steps))]
    return jnp.stack(losses)
