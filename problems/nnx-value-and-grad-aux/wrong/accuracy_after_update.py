# expect: wrong_answer
"""Ignores the logits from has_aux and re-runs the model after the update, so the accuracy is one step late."""

import jax.numpy as jnp
import optax
from flax import nnx


def train_with_aux(seed, x, labels, num_classes, lr, num_steps):
    labels = labels[:, 0].astype(jnp.int32)
    model = nnx.Linear(x.shape[-1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, labels):
        logits = model(x)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
        return loss, logits

    grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
    rows = []
    for _ in range(int(num_steps)):
        (loss, _), grads = grad_fn(model, x, labels)
        optimizer.update(model, grads)
        accuracy = jnp.mean(jnp.argmax(model(x), axis=-1) == labels)
        rows.append(jnp.stack([loss, accuracy]))
    return jnp.stack(rows)
