# expect: accepted
"""Two small custom metrics (precision, recall), each with a vector counter, combined in nnx.MultiMetric."""

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx


def _safe_ratio(num, den):
    return jnp.where(den > 0, num / jnp.maximum(den, 1), 0.0).astype(jnp.float32)


class _Counts(nnx.Metric):
    """counts[...] holds [true positives, predicted positives, actual positives]."""

    def __init__(self, threshold):
        self.threshold = threshold
        self.counts = nnx.metrics.MetricState(jnp.zeros((3,), jnp.int32))

    def reset(self):
        self.counts[...] = jnp.zeros((3,), jnp.int32)

    def update(self, *, logits, labels, **_):
        pred = jax.nn.sigmoid(jnp.ravel(logits)) >= self.threshold
        true = jnp.ravel(labels).astype(jnp.int32) == 1
        self.counts[...] += jnp.array([jnp.sum(pred & true), jnp.sum(pred), jnp.sum(true)], jnp.int32)


class Precision(_Counts):
    def compute(self):
        c = self.counts[...]
        return _safe_ratio(c[0], c[1])


class Recall(_Counts):
    def compute(self):
        c = self.counts[...]
        return _safe_ratio(c[0], c[2])


def precision_recall(logits_a, logits_b, labels, batch_size, threshold):
    bs = int(batch_size)
    n = labels.shape[0]
    metrics = nnx.MultiMetric(precision=Precision(threshold), recall=Recall(threshold))
    result = np.zeros((2, 2), np.float32)
    for row, logits in enumerate([logits_a, logits_b]):
        metrics.reset()
        for start in range(0, n, bs):
            stop = min(start + bs, n)
            metrics.update(logits=logits[start:stop], labels=labels[start:stop])
        values = metrics.compute()
        result[row] = [values["precision"], values["recall"]]
    return jnp.asarray(result)
