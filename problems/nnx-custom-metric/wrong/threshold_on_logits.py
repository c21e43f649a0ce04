# expect: wrong_answer
"""Compares the raw logits with the probability threshold instead of sigmoid(logits)."""

import jax
import jax.numpy as jnp
from flax import nnx


class BinaryPrecisionRecall(nnx.Metric):
    """Counts true positives, false positives and false negatives over every update."""

    def __init__(self, threshold=0.5):
        self.threshold = threshold
        self.true_pos = nnx.metrics.MetricState(jnp.array(0, dtype=jnp.int32))
        self.false_pos = nnx.metrics.MetricState(jnp.array(0, dtype=jnp.int32))
        self.false_neg = nnx.metrics.MetricState(jnp.array(0, dtype=jnp.int32))

    def reset(self):
        self.true_pos[...] = jnp.array(0, dtype=jnp.int32)
        self.false_pos[...] = jnp.array(0, dtype=jnp.int32)
        self.false_neg[...] = jnp.array(0, dtype=jnp.int32)

    def update(self, *, logits, labels):
        predicted = logits >= self.threshold
        actual = labels == 1
        self.true_pos[...] += jnp.sum(predicted & actual)
        self.false_pos[...] += jnp.sum(predicted & ~actual)
        self.false_neg[...] += jnp.sum(~predicted & actual)

    def compute(self):
        tp, fp, fn = self.true_pos[...], self.false_pos[...], self.false_neg[...]
        # An empty denominator means there is nothing to be right or wrong about: report 0.
        precision = jnp.where(tp + fp > 0, tp / jnp.maximum(tp + fp, 1), 0.0)
        recall = jnp.where(tp + fn > 0, tp / jnp.maximum(tp + fn, 1), 0.0)
        return jnp.array([precision, recall], dtype=jnp.float32)


def precision_recall(logits_a, logits_b, labels, batch_size, threshold):
    """Return [[precision_a, recall_a], [precision_b, recall_b]] from one reused metric."""
    bs = int(batch_size)
    n = labels.shape[0]
    metric = BinaryPrecisionRecall(threshold)

    rows = []
    for logits in (logits_a, logits_b):
        metric.reset()  # start each checkpoint from empty counters
        for start in range(0, n, bs):
            metric.update(logits=logits[start : start + bs], labels=labels[start : start + bs])
        rows.append(metric.compute())
    return jnp.stack(rows)
