# expect: runtime_error
"""Decodes each batch's one-hot labels with argmax over axis 0 (the rows) instead of the class axis."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n = logits_flat.shape[0]
    starts = list(range(0, n, bs))
    accuracy = nnx.metrics.Accuracy()
    for start in starts:
        onehot = labels_onehot_flat[start : start + bs]
        accuracy.update(logits=logits_flat[start : start + bs], labels=jnp.argmax(onehot, axis=0))
    overall = accuracy.compute()
    accuracy.reset()
    last = starts[-1]
    accuracy.update(logits=logits_flat[last:], labels=jnp.argmax(labels_onehot_flat[last:], axis=0))
    return jnp.array([overall, accuracy.compute()])
