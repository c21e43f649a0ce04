"""Deterministic inputs for nnx-value-and-grad-aux: small Gaussian-blob classification sets."""

import numpy as np

# name, visible, seed, data seed, N, D_in, classes, classes present, lr, steps, description
# fmt: off
_TABLE = [
    ("three-classes", True, 0, 301, 24, 4, 3, 3, 0.5, 6, "24 points, 3 classes, 6 steps at lr 0.5"),
    ("single-step", True, 5, 302, 10, 3, 2, 2, 0.5, 1, "1 step: one row, measured before any update"),
    ("two-classes-long", False, 11, 303, 10, 3, 2, 2, 0.3, 15, "2 classes, 15 steps at lr 0.3"),
    ("five-classes", False, 2, 304, 40, 6, 5, 5, 0.5, 10, "5 classes, 6 features, 10 steps"),
    ("absent-class", False, 7, 305, 24, 4, 3, 2, 0.8, 8, "3 classes but only ids 0 and 1 occur"),
    ("big-lr", False, 13, 306, 24, 4, 3, 3, 2.0, 10, "lr 2.0: the accuracy jumps around"),
    ("tiny", False, 4, 307, 4, 2, 3, 3, 0.5, 3, "4 points, 3 classes, 3 steps"),
    ("slow-lr", False, 21, 308, 40, 6, 5, 5, 0.1, 12, "40 points, 5 classes, 12 slow steps"),
]
# fmt: on


def _blobs(data_seed, n, d_in, num_present):
    """Points scattered around one centre per class; overlapping enough to leave mistakes."""
    rng = np.random.default_rng(data_seed)
    centres = 1.5 * rng.normal(size=(num_present, d_in))
    labels = rng.integers(0, num_present, size=n)
    labels[:num_present] = np.arange(num_present)  # every present class occurs at least once
    x = centres[labels] + rng.normal(size=(n, d_in))
    return x.astype(np.float32), labels.reshape(n, 1).astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, n, d_in, classes, present, lr, steps, description in _TABLE:
        x, labels = _blobs(data_seed, n, d_in, present)
        args = {"seed": float(seed), "x": x, "labels": labels, "num_classes": float(classes)}
        args.update({"lr": float(lr), "num_steps": float(steps)})
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
