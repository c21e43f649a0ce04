"""Reference: a loss function that also returns its logits, read through has_aux=True."""

import jax.numpy as jnp
import optax
from flax import nnx


def train_with_aux(seed, x, labels, num_classes, lr, num_steps):
    """Train a linear classifier; return each step's [loss, accuracy] as an array of shape (num_steps, 2)."""
    labels = labels[:, 0].astype(jnp.int32)
    model = nnx.Linear(x.shape[-1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, labels):
        logits = model(x)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, logits  # (value to differentiate, anything else to carry out)

    grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
    rows = []
    for _ in range(int(num_steps)):
        (loss, logits), grads = grad_fn(model, x, labels)
        accuracy = jnp.mean(jnp.argmax(logits, axis=-1) == labels)  # logits from before the update
        optimizer.update(model, grads)
        rows.append(jnp.stack([loss, accuracy]))
    return jnp.stack(rows)
