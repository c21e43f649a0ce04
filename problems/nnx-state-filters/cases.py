"""Deterministic inputs for nnx-state-filters."""

import numpy as np

# One row per case: name, visible, seed, data seed, (N, D_in), width, forward calls, description.
# fmt: off
_TABLE = [
    ("two-calls", True, 0, 401, (8, 3), 4, 2, "width 4, 3 input features, two forward passes"),
    ("one-call", True, 3, 402, (5, 2), 6, 1, "a single forward pass, width 6"),
    ("no-call", False, 8, 403, (4, 4), 5, 0, "no forward pass: statistics and counter at their initial values"),
    ("wide", False, 17, 404, (16, 6), 16, 3, "width 16, 6 input features, three passes"),
    ("many-calls", False, 29, 405, (12, 5), 8, 10, "ten forward passes on the same batch"),
    ("narrow", False, 2, 406, (6, 1), 2, 4, "one input feature, width 2"),
    ("shifted-data", False, 51, 407, (10, 3), 7, 5, "inputs centred far from zero, so the running means move"),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, (n, d_in), width, calls, description in _TABLE:
        rng = np.random.default_rng(data_seed)
        offset = 4.0 if name == "shifted-data" else 0.5
        x = (offset + 2.0 * rng.normal(size=(n, d_in))).astype(np.float32)
        args = {"seed": float(seed), "x": x, "width": float(width), "num_calls": float(calls)}
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
