# expect: wrong_answer
"""Returns inside the loop, so the overall number only ever sees the first batch."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n = logits_flat.shape[0]
    labels = jnp.argmax(labels_onehot_flat, axis=-1)
    starts = list(range(0, n, bs))
    accuracy = nnx.metrics.Accuracy()
    last_metric = nnx.metrics.Accuracy()
    last = starts[-1]
    last_metric.update(logits=logits_flat[last:], labels=labels[last:])
    for start in starts:
        accuracy.update(logits=logits_flat[start : start + bs], labels=labels[start : start + bs])
        return jnp.array([accuracy.compute(), last_metric.compute()])
