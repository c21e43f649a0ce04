"""Deterministic inputs for nnx-linen-bridge."""

import numpy as np

# name, visible, seed, data seed, N, D_in, classes, lr, steps, description
# Only three input shapes: eager JAX compiles its kernels once per shape, and the cases that
# share a shape then run fast.
# fmt: off
_TABLE = [
    ("basic", True, 0, 401, 24, 4, 3, 0.05, 4, "24 rows, 4 features, 3 classes, 4 Adam steps"),
    ("single-step", True, 3, 402, 24, 4, 3, 0.05, 1, "one step: one training loss, then the eval loss"),
    ("longer", False, 5, 403, 24, 4, 3, 0.03, 7, "7 steps at lr 0.03"),
    ("large-lr", False, 7, 404, 24, 4, 3, 0.1, 3, "3 steps at lr 0.1"),
    ("tiny-binary", False, 1, 405, 4, 2, 2, 0.1, 2, "only 4 rows, 2 features, 2 classes"),
    ("wide-many-classes", False, 11, 406, 32, 10, 5, 0.02, 3, "10 features (more than the encoder's 8), 5 classes"),
    ("wide-seed-zero", False, 0, 407, 32, 10, 5, 0.05, 2, "same shapes as the previous case, seed 0"),
]
# fmt: on


def _classification(rng_seed, n, d_in, classes):
    """Gaussian inputs labelled by a random linear rule, so the classes are learnable."""
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, classes))
    ids = np.argmax(x @ w + 0.5 * rng.normal(size=(n, classes)), axis=1)
    ids[:classes] = np.arange(classes)  # every class appears at least once
    return x, ids.reshape(n, 1).astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, n, d_in, classes, lr, steps, description in _TABLE:
        x, labels = _classification(data_seed, n, d_in, classes)
        args = {"seed": float(seed), "x": x, "labels": labels}
        args.update(num_classes=float(classes), lr=float(lr), num_steps=float(steps))
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
