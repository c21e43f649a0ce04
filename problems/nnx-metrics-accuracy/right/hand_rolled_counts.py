# expect: accepted
"""Style: hand-rolled maths, a hit counter and an example counter instead of nnx.metrics.Accuracy."""

import jax.numpy as jnp


def streaming_accuracy(logits_flat, labels_onehot_flat, batch_size):
    """Count hits and examples batch by batch; return [overall accuracy, final batch accuracy]."""
    bs = int(batch_size)
    n = logits_flat.shape[0]
    true_ids = jnp.argmax(labels_onehot_flat, axis=-1)
    predicted_ids = jnp.argmax(logits_flat, axis=-1)

    def hits_and_count(start):
        hits = jnp.sum(predicted_ids[start : start + bs] == true_ids[start : start + bs])
        return hits, min(bs, n - start)

    total_hits, total_seen = 0, 0
    for start in range(0, n, bs):
        hits, count = hits_and_count(start)
        total_hits += hits
        total_seen += count
    overall = total_hits / total_seen

    # "Reset": start fresh counters and score only the final (possibly short) batch.
    last_hits, last_count = hits_and_count(((n - 1) // bs) * bs)
    final_only = last_hits / last_count
    return jnp.array([overall, final_only], dtype=jnp.float32)
