"""Deterministic inputs for nnx-module-basics."""

import numpy as np

# One row per case: name, visible, seed, data seed, N, D_in, hidden, D_out, description.
# fmt: off
_TABLE = [
    ("small", True, 0, 301, 4, 3, 8, 2, "4 rows, 3 features, 8 hidden units, 2 outputs"),
    ("single-output", True, 5, 302, 6, 2, 5, 1, "one output column, seed 5"),
    ("one-row", False, 11, 303, 1, 4, 6, 3, "a single input row"),
    ("one-hidden-unit", False, 2, 304, 5, 3, 1, 2, "a hidden layer of width 1"),
    ("wide-hidden", False, 42, 305, 16, 5, 64, 4, "64 hidden units, 16 rows"),
    ("narrow-to-wide", False, 7, 306, 8, 1, 4, 6, "one input feature, six outputs"),
    ("larger", False, 123, 307, 64, 16, 32, 8, "64 rows, 16 features, 32 hidden, 8 outputs"),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, n, d_in, hidden, d_out, description in _TABLE:
        rng = np.random.default_rng(data_seed)
        x = rng.normal(size=(n, d_in)).astype(np.float32)
        args = {"seed": float(seed), "x": x, "hidden": float(hidden), "d_out": float(d_out)}
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
