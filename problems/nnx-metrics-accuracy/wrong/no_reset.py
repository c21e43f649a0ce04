# expect: wrong_answer
"""Never calls reset(), so the second number still counts every earlier batch."""

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
    overall = accuracy.compute()
    last = starts[-1]
    accuracy.update(logits=logits_flat[last:], labels=labels[last:])
    return jnp.array([overall, accuracy.compute()])
