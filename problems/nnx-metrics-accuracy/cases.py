"""Seeded inputs for the streaming-accuracy exercise."""

import numpy as np


def _data(rng_seed: int, n: int, c: int, hit_rate: float):
    """Random logits and one-hot labels that agree with the logits' argmax about hit_rate of the time."""
    rng = np.random.default_rng(rng_seed)
    logits = rng.normal(size=(n, c)).astype(np.float32)
    # Keep the top logit of every row clearly ahead of the runner-up: no argmax ties.
    top = logits.argmax(axis=1)
    ordered = np.sort(logits, axis=1)
    logits[np.arange(n), top] += np.float32(0.25) - np.minimum(ordered[:, -1] - ordered[:, -2], 0.25)
    predicted = logits.argmax(axis=1)
    labels = predicted.copy()
    miss = rng.random(n) >= hit_rate
    shift = rng.integers(1, c, size=n)
    labels[miss] = (predicted[miss] + shift[miss]) % c
    onehot = np.eye(c, dtype=np.float32)[labels]
    return logits, onehot


def _case(name, visible, description, rng_seed, n, c, batch_size, hit_rate):
    logits, onehot = _data(rng_seed, n, c, hit_rate)
    return {
        "name": name,
        "visible": visible,
        "description": description,
        "args": {
            "logits_flat": logits,
            "labels_onehot_flat": onehot,
            "batch_size": float(batch_size),
        },
    }


# name, visible, description, rng seed, N, C, batch_size, share of correct predictions
SPECS = [
    ("even-batches", True, "24 examples, 4 classes, three batches of 8", 101, 24, 4, 8, 0.6),
    ("short-last-batch", True, "20 examples in batches of 8: the last holds 4", 202, 20, 3, 8, 0.55),
    ("binary", False, "two classes, 30 examples in batches of 7 (last of 2)", 1303, 30, 2, 7, 0.7),
    ("one-batch", False, "batch_size equals N: one batch, both numbers agree", 1404, 16, 5, 16, 0.5),
    ("many-batches", False, "64 examples, 8 classes, batches of 5 (last of 4)", 1505, 64, 8, 5, 0.65),
    ("single-row-tail", False, "33 examples in batches of 8: the last is one row", 1606, 33, 6, 8, 0.6),
    ("ten-by-four", False, "40 examples, 8 classes, four batches of 10", 1707, 40, 8, 10, 0.45),
]


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    return [_case(*spec) for spec in SPECS]
