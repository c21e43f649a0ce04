import jax
import jax.numpy as jnp
from flax import nnx


class BinaryPrecisionRecall(nnx.Metric):
    """Streams binary precision and recall: positive when sigmoid(logit) >= threshold."""

    def __init__(self, threshold=0.5):
        # TODO: keep the threshold and three counters (true positives, false positives,
        #       false negatives), each an nnx.metrics.MetricState holding a 0-d array.
        pass

    def reset(self):
        # TODO: set every counter back to 0 (write through [...]).
        pass

    def update(self, *, logits, labels):
        # TODO: predicted = sigmoid(logits) >= threshold, actual = labels == 1;
        #       add this batch's counts to the counters.
        pass

    def compute(self):
        # TODO: return jnp.array([precision, recall]); an empty denominator gives 0.0.
        pass


def precision_recall(logits_a, logits_b, labels, batch_size, threshold):
    """Return [[precision_a, recall_a], [precision_b, recall_b]] from one reused metric."""
    # TODO: create one BinaryPrecisionRecall(threshold).
    # TODO: for each checkpoint: reset, stream rows start:start + int(batch_size), compute.
    return jnp.zeros((2, 2))
