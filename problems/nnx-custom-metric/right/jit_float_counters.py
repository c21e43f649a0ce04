# expect: accepted
"""Float32 counters, a log-odds cut on the logits, and metric updates run through nnx.jit."""

import jax.numpy as jnp
from flax import nnx


class BinaryPrecisionRecall(nnx.Metric):
    def __init__(self, threshold=0.5):
        self.cut = float(jnp.log(threshold / (1.0 - threshold)))  # sigmoid(z) >= t  <=>  z >= log(t / (1 - t))
        self.tp = nnx.metrics.MetricState(jnp.zeros((), jnp.float32))
        self.fp = nnx.metrics.MetricState(jnp.zeros((), jnp.float32))
        self.fn = nnx.metrics.MetricState(jnp.zeros((), jnp.float32))

    def reset(self):
        for counter in (self.tp, self.fp, self.fn):
            counter[...] = jnp.zeros((), jnp.float32)

    def update(self, *, logits, labels):
        pred = (logits >= self.cut).astype(jnp.float32)
        self.tp[...] += jnp.sum(pred * labels)
        self.fp[...] += jnp.sum(pred * (1.0 - labels))
        self.fn[...] += jnp.sum((1.0 - pred) * labels)

    def compute(self):
        tp, fp, fn = self.tp[...], self.fp[...], self.fn[...]
        precision = jnp.where(tp + fp > 0, tp / jnp.where(tp + fp > 0, tp + fp, 1.0), 0.0)
        recall = jnp.where(tp + fn > 0, tp / jnp.where(tp + fn > 0, tp + fn, 1.0), 0.0)
        return jnp.stack([precision, recall])


@nnx.jit
def feed(metric, logits, labels):
    metric.update(logits=logits, labels=labels)


def precision_recall(logits_a, logits_b, labels, batch_size, threshold):
    bs = int(batch_size)
    metric = BinaryPrecisionRecall(threshold)
    out = []
    for logits in [logits_a, logits_b]:
        metric.reset()
        for i in range(0, labels.shape[0], bs):
            feed(metric, logits[i : i + bs], labels[i : i + bs])
        out.append(metric.compute())
    return jnp.stack(out)
