import jax
import jax.numpy as jnp
import optax
from flax import nnx


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    """Return [accuracy over every batch, accuracy of the final batch after a reset]."""
    # TODO: turn the one-hot rows into integer class ids.
    # TODO: build nnx.metrics.Accuracy() and update it batch by batch
    #       (rows start:start + batch_size; the final batch may be shorter).
    # TODO: read the overall accuracy with compute().
    # TODO: reset() the metric, feed it only the final batch, compute() again.
    return jnp.zeros((2,))
