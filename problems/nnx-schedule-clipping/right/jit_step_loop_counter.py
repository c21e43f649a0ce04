# expect: accepted
"""An @nnx.jit train step returning loss and gradient norm; the rate is schedule(k) with the loop counter."""

import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        return ((model(x) - y) ** 2).mean()

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss, optax.tree.norm(grads)


def clipped_schedule(seed, x, y, peak_lr, warmup_steps, num_steps, max_norm):
    total = int(num_steps)
    model = nnx.Linear(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    lr_fn = optax.warmup_cosine_decay_schedule(0.0, peak_lr, int(warmup_steps), total, 0.0)
    tx = optax.chain(optax.clip_by_global_norm(max_norm), optax.sgd(lr_fn))
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    table = np.zeros((3, total), dtype=np.float32)
    for k in range(total):
        loss, norm = train_step(model, optimizer, x, y)
        table[:, k] = [float(loss), float(lr_fn(k)), float(norm)]
    return jnp.asarray(table)
