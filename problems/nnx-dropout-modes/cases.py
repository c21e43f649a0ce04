"""Seeded inputs for the dropout train/eval exercise."""

import numpy as np

# Several cases share a shape: every new shape costs JAX a round of compilation.
# name, visible, description, data seed, seed, dropout_seed, (N, D_in), D_hidden, D_out, rate
# fmt: off
SPECS = [
    ("basic", True, "6 rows, 3 inputs, 8 hidden units, rate 0.5", 301, 0, 1, (6, 3), 8, 2, 0.5),
    ("light-dropout", True, "one output, rate 0.25 on 16 hidden units", 302, 2, 5, (4, 5), 16, 1, 0.25),
    ("no-dropout", False, "rate 0: all four passes are equal", 303, 7, 3, (6, 3), 8, 2, 0.0),
    ("heavy-dropout", False, "rate 0.8: most hidden units are dropped", 304, 9, 12, (6, 3), 8, 2, 0.8),
    ("single-row", False, "one row, 12 hidden units, rate 0.3", 305, 4, 11, (1, 6), 12, 2, 0.3),
    ("wide", False, "24 rows, 8 inputs, 32 hidden units, 4 outputs", 306, 13, 21, (24, 8), 32, 4, 0.4),
    ("same-seed", False, "both streams seeded with 17", 307, 17, 17, (6, 3), 8, 2, 0.5),
    ("slight-dropout", False, "one output, rate 0.1", 308, 5, 0, (4, 5), 16, 1, 0.1),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, description, data_seed, seed, dropout_seed, shape, d_hidden, d_out, rate in SPECS:
        x = np.random.default_rng(data_seed).normal(size=shape).astype(np.float32)
        args = {
            "seed": float(seed),
            "dropout_seed": float(dropout_seed),
            "x": x,
            "d_hidden": float(d_hidden),
            "d_out": float(d_out),
            "rate": float(rate),
        }
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
