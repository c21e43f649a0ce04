"""Seeded inputs for the per-member-keys ensemble exercise."""

import numpy as np

# name, visible, description, data seed, seed, dropout_seed, (N, D_in), K, D_hidden, D_out, rate
# Several cases share a shape (and a rate): each new combination costs JAX a round of compilation.
# fmt: off
SPECS = [
    ("basic", True, "3 members, 6 rows, 8 hidden units, rate 0.5", 501, 0, 1, (6, 3), 3, 8, 2, 0.5),
    ("two-members", True, "2 members, 4 rows, rate 0.25", 502, 6, 2, (4, 2), 2, 6, 1, 0.25),
    ("single-member-row", False, "an ensemble of one, fed a single row", 503, 3, 8, (1, 3), 1, 8, 2, 0.4),
    ("no-dropout", False, "rate 0: both passes are equal", 504, 12, 7, (6, 3), 3, 8, 2, 0.0),
    ("same-seed-heavy", False, "both streams seeded with 9, rate 0.75", 505, 9, 9, (6, 3), 3, 8, 2, 0.75),
    ("wide", False, "16 rows, 8 inputs, 5 members, 3 outputs", 507, 77, 5, (16, 8), 5, 16, 3, 0.2),
    ("reseeded", False, "2 members again with other seeds", 508, 40, 41, (4, 2), 2, 6, 1, 0.25),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, description, data_seed, seed, dropout_seed, shape, k, d_hidden, d_out, rate in SPECS:
        x = np.random.default_rng(data_seed).normal(size=shape).astype(np.float32)
        args = {
            "seed": float(seed),
            "dropout_seed": float(dropout_seed),
            "x": x,
            "num_members": float(k),
            "d_hidden": float(d_hidden),
            "d_out": float(d_out),
            "rate": float(rate),
        }
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
