"""Deterministic inputs for nnx-train-step."""

import numpy as np

# One row per case: name, visible, seed, data seed, (N, D_in, D_out), lr, steps, description.
# fmt: off
_TABLE = [
    ("five-steps", True, 1, 201, (16, 3, 2), 0.1, 5, "5 steps, 16 samples, 3 inputs, 2 outputs"),
    ("single-step", True, 4, 202, (8, 4, 2), 0.1, 1, "1 step: both entries are the same loss"),
    ("two-steps", False, 40, 1203, (12, 2, 1), 0.2, 2, "2 steps, single output column, lr 0.2"),
    ("ten-steps-wide", False, 52, 1204, (32, 8, 3), 0.05, 10, "10 steps, 8 input features, lr 0.05"),
    ("long-run", False, 108, 1205, (64, 5, 4), 0.1, 40, "40 steps on 64 samples, lr 0.1"),
    ("slow-lr", False, 34, 1206, (24, 6, 1), 0.01, 25, "25 steps at lr 0.01, one output"),
    ("tiny-batch", False, 0, 1207, (3, 3, 3), 0.15, 7, "3 samples, 7 steps, seed 0"),
]
# fmt: on


def _regression(rng_seed, n, d_in, d_out, noise=0.1):
    """Noisy linear targets, so repeated SGD steps keep lowering the loss."""
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out)).astype(np.float32)
    b = rng.normal(size=(1, d_out)).astype(np.float32)
    y = (x @ w + b + noise * rng.normal(size=(n, d_out))).astype(np.float32)
    return x, y


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, lr, steps, description in _TABLE:
        x, y = _regression(data_seed, *shape)
        args = {"seed": float(seed), "x": x, "y": y, "lr": float(lr)}
        args["num_steps"] = float(steps)
        case = {"name": name, "visible": visible, "description": description}
        cases.append({**case, "args": args})
    return cases
