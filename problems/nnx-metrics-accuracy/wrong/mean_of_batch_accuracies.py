# expect: wrong_answer
"""Averages one accuracy per batch, giving a short final batch as much weight as a full one."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n = logits_flat.shape[0]
    labels = jnp.argmax(labels_onehot_flat, axis=-1)
    per_batch = nnx.metrics.Average()
    accuracy = nnx.metrics.Accuracy()
    for start in range(0, n, bs):
        accuracy.reset()
        accuracy.update(logits=logits_flat[start : start + bs], labels=labels[start : start + bs])
        per_batch.update(values=accuracy.compute())
    # After the loop `accuracy` holds exactly the final batch.
    return jnp.array([per_batch.compute(), accuracy.compute()])
