# expect: wrong_answer
"""Reads the overall accuracy only after the reset, so both numbers describe the final batch."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n = logits_flat.shape[0]
    labels = jnp.argmax(labels_onehot_flat, axis=-1)
    starts = list(range(0, n, bs))
    accuracy = nnx.metrics.Accuracy()
    for start in starts:
        accuracy.update(logits=logits_flat[start : start + bs], labels=labels[start : start + bs])
    accuracy.reset()
    last = starts[-1]
    accuracy.update(logits=logits_flat[last:], labels=labels[last:])
    overall = accuracy.compute()
    return jnp.array([overall, accuracy.compute()])
