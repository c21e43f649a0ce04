# expect: wrong_answer
"""Applies softmax before the cross-entropy, which expects raw logits: the loss is squashed and learning crawls."""

import jax.numpy as jnp
import optax
from flax import nnx


def train_with_aux(seed, x, labels, num_classes, lr, num_steps):
    labels = labels[:, 0].astype(jnp.int32)
    model = nnx.Linear(x.shape[-1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    def loss_fn(model, x, labels):
        probs = nnx.softmax(model(x), axis=-1)
        loss = optax.softmax_cross_entropy_with_integer_labels(probs, labels).mean()
        return loss, probs

    grad_fn = nnx.value_and_grad(loss_fn, has_aux=True)
    rows = []
    for _ in range(int(num_steps)):
        (loss, probs), grads = grad_fn(model, x, labels)
        accuracy = jnp.mean(jnp.argmax(probs, axis=-1) == labels)
        optimizer.update(model, grads)
        rows.append(jnp.stack([loss, accuracy]))
    return jnp.stack(rows)
