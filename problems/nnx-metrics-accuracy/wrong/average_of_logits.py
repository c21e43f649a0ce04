# expect: wrong_answer
"""Uses nnx.metrics.Average on the raw logits, which averages scores instead of counting hits."""

import jax.numpy as jnp
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    bs = int(batch_size)
    n = logits_flat.shape[0]
    starts = list(range(0, n, bs))
    metric = nnx.metrics.Average()
    for start in starts:
        metric.update(values=logits_flat[start : start + bs])
    overall = metric.compute()
    metric.reset()
    metric.update(values=logits_flat[starts[-1] :])
    return jnp.array([overall, metric.compute()])
