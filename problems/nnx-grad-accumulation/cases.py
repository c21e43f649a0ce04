"""Seeded regression data for nnx-grad-accumulation. N is always a multiple of micro_batch * k."""

import numpy as np

# name, visible, seed, data seed, (N, D_in, D_out), micro_batch, k, lr, micro-steps, description
# fmt: off
_TABLE = [
    ("k2-two-windows", True, 0, 501, (16, 3, 2), 4, 2, 0.1, 8, "k=2, four micro-batches of 4, eight micro-steps"),
    ("before-first-update", True, 1, 502, (12, 3, 2), 2, 3, 0.1, 2, "two micro-steps with k=3: nothing is applied yet"),
    ("k-equals-one", False, 2, 503, (16, 3, 2), 4, 1, 0.1, 4, "k=1: every micro-step is a real update"),
    ("partial-window", False, 3, 504, (12, 3, 2), 2, 3, 0.1, 7, "7 micro-steps with k=3: the last one stays pending"),
    ("wraps-around", False, 4, 505, (12, 3, 2), 2, 3, 0.05, 9, "six micro-batches, 9 micro-steps: the data repeats"),
    ("single-row-micro", False, 5, 506, (8, 3, 1), 1, 4, 0.1, 9, "micro-batches of one row, k=4, wrapping once"),
    ("wider", False, 6, 507, (24, 5, 3), 3, 4, 0.05, 8, "5 inputs, 3 outputs, micro-batches of 3, k=4"),
]
# fmt: on


def _regression(data_seed, n, d_in, d_out):
    rng = np.random.default_rng(data_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    y = x @ w + 0.5 + 0.3 * rng.normal(size=(n, d_out))
    return x, y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, micro_batch, k, lr, steps, description in _TABLE:
        x, y = _regression(data_seed, *shape)
        args = {
            "seed": float(seed),
            "x": x,
            "y": y,
            "micro_batch": float(micro_batch),
            "k": float(k),
            "lr": float(lr),
            "num_micro_steps": float(steps),
        }
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
