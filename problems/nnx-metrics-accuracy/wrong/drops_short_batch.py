# expect: wrong_answer
"""Counts batches with N // batch_size, so a short final batch is silently dropped."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n = logits_flat.shape[0]
    labels = jnp.argmax(labels_onehot_flat, axis=-1)
    num_batches = n // bs
    accuracy = nnx.metrics.Accuracy()
    for i in range(num_batches):
        accuracy.update(
            logits=logits_flat[i * bs : (i + 1) * bs],
            labels=labels[i * bs : (i + 1) * bs],
        )
    overall = accuracy.compute()
    accuracy.reset()
    last = (num_batches - 1) * bs
    accuracy.update(logits=logits_flat[last : last + bs], labels=labels[last : last + bs])
    return jnp.array([overall, accuracy.compute()])
