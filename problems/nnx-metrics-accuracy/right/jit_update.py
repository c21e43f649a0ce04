# expect: accepted
"""Style: nnx.metrics.Accuracy updated inside an @nnx.jit function that receives the metric as an argument."""

import jax.numpy as jnp
from flax import nnx


@nnx.jit
def feed(metric, logits, labels):
    metric.update(logits=logits, labels=labels)  # the counters change in place through nnx.jit


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    """Stream jitted updates, compute, reset, then score the final batch; return both accuracies."""
    bs = int(batch_size)
    n = logits_flat.shape[0]
    class_ids = jnp.argmax(labels_onehot_flat, axis=-1).astype(jnp.int32)
    batches = [(logits_flat[s : s + bs], class_ids[s : s + bs]) for s in range(0, n, bs)]

    metric = nnx.metrics.Accuracy()
    for logits, labels in batches:
        feed(metric, logits, labels)
    overall = metric.compute()

    metric.reset()
    feed(metric, *batches[-1])
    return jnp.array([overall, metric.compute()])
