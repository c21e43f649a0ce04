"""Seeded inputs for the custom precision/recall metric exercise."""

import numpy as np

_MARGIN = 0.02  # keep every sigmoid(logit) at least this far from the threshold


def _logits(rng, labels, skill, threshold):
    """Scores that lean towards the true class; `skill` sets how strongly."""
    signs = 2.0 * labels - 1.0
    logits = skill * signs + 1.5 * rng.normal(size=labels.shape)
    # Push borderline scores away from the threshold so that every way of writing
    # "sigmoid(logit) >= threshold" gives the same decision.
    cut = np.log(threshold / (1.0 - threshold))
    probs = 1.0 / (1.0 + np.exp(-logits))
    close = np.abs(probs - threshold) < _MARGIN
    logits[close] = cut + np.where(logits[close] >= cut, 0.3, -0.3)
    return logits.astype(np.float32)


def _case(name, visible, description, rng_seed, n, batch_size, threshold, positive_rate=0.4, b_mode="normal"):
    rng = np.random.default_rng(rng_seed)
    labels = (rng.random(size=(n, 1)) < positive_rate).astype(np.float32)
    logits_a = _logits(rng, labels, 0.8, threshold)
    if b_mode == "all-negative":
        # Checkpoint B never crosses the threshold: no positive predictions at all.
        logits_b = (-4.0 - rng.random(size=(n, 1))).astype(np.float32)
    else:
        logits_b = _logits(rng, labels, 1.6, threshold)
    return {
        "name": name,
        "visible": visible,
        "description": description,
        "args": {
            "logits_a": logits_a,
            "logits_b": logits_b,
            "labels": labels,
            "batch_size": float(batch_size),
            "threshold": float(threshold),
        },
    }


# name, visible, description, rng seed, N, batch_size, threshold, [positive rate, mode of B]
SPECS = [
    ("basic", True, "20 rows in batches of 8 (the last holds 4), threshold 0.5", 101, 20, 8, 0.5),
    ("threshold-07", True, "30 rows in batches of 10, stricter threshold 0.7", 102, 30, 10, 0.7),
    ("b-predicts-nothing", False, "B never predicts positive: precision 0", 103, 24, 6, 0.5, 0.4, "all-negative"),
    ("one-batch", False, "batch_size equals N: one update per checkpoint", 104, 16, 16, 0.5),
    ("batches-of-one", False, "11 rows fed one at a time", 105, 11, 1, 0.6),
    ("low-threshold", False, "threshold 0.3: some negative logits count as positive", 106, 40, 9, 0.3),
    ("no-positive-labels", False, "every label is 0: recall has no positives to find and is 0", 107, 18, 5, 0.5, 0.0),
    ("larger", False, "200 rows in batches of 32 (the last holds 8), threshold 0.45", 108, 200, 32, 0.45),
]


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    return [_case(*spec) for spec in SPECS]
