"""Deterministic inputs for nnx-scan-layers."""

import numpy as np

# name, visible, seed, data seed, L, (N, D), description
# Neither N nor D ever equals L, so a stacked module called like one layer always fails.
# fmt: off
_TABLE = [
    ("four-layers", True, 0, 501, 4, (5, 3), "4 blocks on 5 rows of width 3"),
    ("two-layers", True, 1, 502, 2, (6, 4), "2 blocks on 6 rows of width 4"),
    ("single-layer", False, 2, 503, 1, (3, 5), "a stack of one block: the scan runs once"),
    ("single-row", False, 3, 504, 3, (1, 4), "one input row through 3 blocks"),
    ("deep", False, 4, 505, 12, (4, 6), "12 blocks deep"),
    ("wide", False, 5, 506, 5, (8, 16), "5 blocks of width 16"),
    ("narrow", False, 6, 507, 7, (10, 3), "7 blocks of width 3"),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, layers, (n, d), description in _TABLE:
        x = (1.5 * np.random.default_rng(data_seed).normal(size=(n, d))).astype(np.float32)
        args = {"seed": float(seed), "x": x, "num_layers": float(layers)}
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
