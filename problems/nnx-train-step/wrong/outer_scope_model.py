# expect: wrong_answer
"""loss_fn ignores its model argument and reads the outer model, so the gradients are all zero."""

import jax.numpy as jnp
import optax
from flax import nnx


def train_step_loss(seed, x, y, lr, num_steps):
    d_in, d_out = x.shape[-1], y.shape[-1]
    model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    tx = optax.sgd(lr)
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    def loss_fn(m, x, y):
        err = model(x) - y
        return jnp.mean(err**2)

    def train_step(model, optimizer, x, y):
        grad_fn = nnx.value_and_grad(loss_fn)
        loss, grads = grad_fn(model, x, y)
        optimizer.update(model, grads)
        return loss

    history = [float(train_step(model, optimizer, x, y)) for _ in range(int(num_steps))]
    return jnp.array([history[0], history[-1]])
