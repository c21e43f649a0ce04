"""Deterministic inputs for nnx-sequential-list."""

import numpy as np

# One row per case: name, visible, seed, data seed, N, D_in, widths, description.
# fmt: off
_TABLE = [
    ("three-layers", True, 0, 401, 5, 4, (8, 6, 2), "widths 8, 6, 2: three layers, two ReLUs"),
    ("two-layers", True, 3, 402, 4, 3, (5, 1), "widths 5, 1: one hidden layer, one output"),
    ("single-layer", False, 8, 403, 6, 3, (4,), "one width: a single Linear and no ReLU at all"),
    ("one-row", False, 13, 404, 1, 5, (7, 3, 4), "a single input row"),
    ("bottleneck", False, 26, 405, 8, 6, (2, 1, 2, 5), "four layers squeezed through a width of 1"),
    ("deep", False, 34, 406, 10, 4, (6, 6, 6, 6, 6, 3), "six layers of equal width"),
    ("wide", False, 55, 407, 32, 12, (64, 16), "64 then 16 units on 32 rows"),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, n, d_in, widths, description in _TABLE:
        rng = np.random.default_rng(data_seed)
        x = rng.normal(size=(n, d_in)).astype(np.float32)
        sizes = np.array([widths], dtype=np.float32)  # shape (1, L)
        args = {"seed": float(seed), "x": x, "widths": sizes}
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
