"""Reference: stream batches through nnx.metrics.Accuracy, then reset it and score the final batch alone."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    """Return [accuracy over every batch, accuracy of the final batch after a reset]."""
    bs = int(batch_size)
    n = logits_flat.shape[0]
    # Accuracy wants integer class ids, one per row: shape logits.shape[:-1].
    labels = jnp.argmax(labels_onehot_flat, axis=-1)
    starts = list(range(0, n, bs))

    accuracy = nnx.metrics.Accuracy()
    for start in starts:
        accuracy.update(logits=logits_flat[start : start + bs], labels=labels[start : start + bs])
    overall = accuracy.compute()

    accuracy.reset()
    last = starts[-1]
    accuracy.update(logits=logits_flat[last : last + bs], labels=labels[last : last + bs])
    last_only = accuracy.compute()
    return jnp.array([overall, last_only])
