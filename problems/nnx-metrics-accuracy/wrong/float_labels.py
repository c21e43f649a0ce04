# expect: runtime_error
"""Decodes the one-hot rows with a dot product, which leaves the class ids as float32."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n, c = logits_flat.shape
    labels = labels_onehot_flat @ jnp.arange(c, dtype=jnp.float32)
    starts = list(range(0, n, bs))
    accuracy = nnx.metrics.Accuracy()
    for start in starts:
        accuracy.update(logits=logits_flat[start : start + bs], labels=labels[start : start + bs])
    overall = accuracy.compute()
    accuracy.reset()
    last = starts[-1]
    accuracy.update(logits=logits_flat[last:], labels=labels[last:])
    return jnp.array([overall, accuracy.compute()])
