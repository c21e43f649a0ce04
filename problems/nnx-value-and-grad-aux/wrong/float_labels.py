# expect: runtime_error
"""Flattens the labels but never casts them to int, so the integer-label cross-entropy rejects them."""

import jax.numpy as jnp
import optax
from flax import nnx


def train_with_aux(seed, x, labels, num_classes, lr, num_steps):
    labels = labels[:, 0]
    model = nnx.Linear(x.shape[-1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, labels):
        logits = model(x)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, logits

    grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
    rows = []
    for _ in range(int(num_steps)):
        (loss, logits), grads = grad_fn(model, x, labels)
        accuracy = jnp.mean(jnp.argmax(logits, axis=-1) == labels)
        optimizer.update(model, grads)
        rows.append(jnp.stack([loss, accuracy]))
    return jnp.stack(rows)
