"""Deterministic inputs for nnx-optimizer-basics."""

import numpy as np

# One row per case: name, visible, seed, data seed, (N, D_in, D_out), lr, description.
# fmt: off
_TABLE = [
    ("small-3-to-2", True, 1, 101, (8, 3, 2), 0.1, "8 samples, 3 inputs, 2 outputs, lr 0.1"),
    ("single-output", True, 7, 102, (16, 4, 1), 0.05, "16 samples, one output column, lr 0.05"),
    ("wide-input", False, 73, 1103, (32, 8, 3), 0.02, "32 samples, 8 input features, lr 0.02"),
    ("two-samples", False, 36, 1104, (2, 2, 2), 0.1, "a batch of only 2 samples, lr 0.1"),
    ("big-batch-big-lr", False, 42, 1105, (64, 5, 4), 0.3, "64 samples, 5 inputs, 4 outputs, lr 0.3"),
    ("tiny-lr", False, 154, 1106, (24, 6, 1), 0.001, "lr 0.001: the loss barely moves"),
    ("seed-zero", False, 0, 1107, (12, 3, 5), 0.05, "seed 0, five outputs"),
]
# fmt: on


def _regression(rng_seed, n, d_in, d_out, noise=0.1):
    """Noisy linear targets so that a single gradient step visibly lowers the loss."""
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out)).astype(np.float32)
    b = rng.normal(size=(1, d_out)).astype(np.float32)
    y = (x @ w + b + noise * rng.normal(size=(n, d_out))).astype(np.float32)
    return x, y


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, lr, description in _TABLE:
        x, y = _regression(data_seed, *shape)
        args = {"seed": float(seed), "x": x, "y": y, "lr": float(lr)}
        case = {"name": name, "visible": visible, "description": description}
        cases.append({**case, "args": args})
    return cases
