# expect: wrong_answer
"""Computes precision and recall for every batch and averages them, instead of summing the counts first."""

import jax
import jax.numpy as jnp


def _batch_ratios(logits, labels, threshold):
    predicted = jax.nn.sigmoid(logits) >= threshold
    actual = labels == 1
    tp = jnp.sum(predicted & actual)
    fp = jnp.sum(predicted & ~actual)
    fn = jnp.sum(~predicted & actual)
    precision = jnp.where(tp + fp > 0, tp / jnp.maximum(tp + fp, 1), 0.0)
    recall = jnp.where(tp + fn > 0, tp / jnp.maximum(tp + fn, 1), 0.0)
    return jnp.array([precision, recall])


def precision_recall(logits_a, logits_b, labels, batch_size, threshold):
    bs = int(batch_size)
    n = labels.shape[0]
    rows = []
    for logits in (logits_a, logits_b):
        per_batch = [
            _batch_ratios(logits[start : start + bs], labels[start : start + bs], threshold)
            for start in range(0, n, bs)
        ]
        rows.append(jnp.mean(jnp.stack(per_batch), axis=0))
    return jnp.stack(rows)
