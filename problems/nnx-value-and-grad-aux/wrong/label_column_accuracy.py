# expect: wrong_answer
"""Compares the (N,) predictions with the (N, 1) label column: broadcasting builds an N x N table."""

import jax.numpy as jnp
import optax
from flax import nnx


def train_with_aux(seed, x, labels, num_classes, lr, num_steps):
    label_column = labels.astype(jnp.int32)
    model = nnx.Linear(x.shape[-1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, labels):
        logits = model(x)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels[:, 0]).mean()
        return loss, logits

    grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
    rows = []
    for _ in range(int(num_steps)):
        (loss, logits), grads = grad_fn(model, x, label_column)
        accuracy = jnp.mean(jnp.argmax(logits, axis=-1) == label_column)
        optimizer.update(model, grads)
        rows.append(jnp.stack([loss, accuracy]))
    return jnp.stack(rows)
