"""Seeded Gaussian blobs for nnx-classification: one cluster per class, overlapping a little."""

import numpy as np

# name, visible, seed, data seed, N, D, classes, spread, lr, steps, description
# fmt: off
_TABLE = [
    ("three-blobs", True, 0, 301, 30, 2, 3, 1.4, 0.05, 10, "30 points in 2-D, 3 classes, 10 Adam steps"),
    ("binary-one-step", True, 1, 302, 12, 3, 2, 1.5, 0.05, 1, "a single step on 12 points, 2 classes"),
    ("binary-longer", False, 2, 303, 12, 3, 2, 2.0, 0.03, 10, "12 points, 2 classes, 10 steps"),
    ("tiny", False, 3, 304, 5, 2, 2, 1.2, 0.1, 5, "only 5 points, 2 classes"),
    ("five-classes", False, 4, 310, 40, 4, 5, 1.6, 0.03, 12, "40 points with 4 features, 5 classes, 12 steps"),
    ("three-blobs-other-seed", False, 5, 306, 30, 2, 3, 1.8, 0.05, 8, "same sizes as the first case, new data"),
    ("fast-lr", False, 6, 308, 30, 2, 3, 1.5, 0.2, 6, "a large learning rate, 6 steps"),
]
# fmt: on


def _blobs(data_seed, n, d, num_classes, spread):
    """Points scattered around one random centre per class; labels are (n, 1) float32 class ids."""
    rng = np.random.default_rng(data_seed)
    centres = rng.normal(scale=2.0, size=(num_classes, d))
    labels = rng.integers(0, num_classes, size=n)
    labels[:num_classes] = np.arange(num_classes)  # every class appears at least once
    x = centres[labels] + spread * rng.normal(size=(n, d))
    return x.astype(np.float32), labels.reshape(n, 1).astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, n, d, num_classes, spread, lr, steps, description in _TABLE:
        x, labels = _blobs(data_seed, n, d, num_classes, spread)
        args = {
            "seed": float(seed),
            "x": x,
            "labels": labels,
            "num_classes": float(num_classes),
            "lr": float(lr),
            "num_steps": float(steps),
        }
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
