# expect: runtime_error
"""Hands the one-hot label rows straight to Accuracy instead of integer class ids."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n = logits_flat.shape[0]
    starts = list(range(0, n, bs))
    accuracy = nnx.metrics.Accuracy()
    for start in starts:
        accuracy.update(
            logits=logits_flat[start : start + bs],
            labels=labels_onehot_flat[start : start + bs],
        )
    overall = accuracy.compute()
    accuracy.reset()
    last = starts[-1]
    accuracy.update(logits=logits_flat[last:], labels=labels_onehot_flat[last:])
    return jnp.array([overall, accuracy.compute()])
