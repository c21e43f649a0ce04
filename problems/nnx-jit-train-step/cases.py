"""Deterministic inputs for nnx-jit-train-step."""

import numpy as np

# name, visible, seed, data seed, (N, D_in, D_out), batch_size, lr, steps, description
# fmt: off
_TABLE = [
    ("three-batches", True, 0, 301, (24, 3, 1), 8, 0.05, 9, "24 rows in 3 batches of 8, 9 steps (3 epochs)"),
    ("uneven-batches", True, 1, 302, (20, 4, 2), 6, 0.02, 8, "20 rows in batches of 6: the fourth batch holds 2 rows"),
    ("single-step", False, 2, 303, (16, 3, 2), 16, 0.05, 1, "one step on one full batch: a single loss"),
    ("full-batch", False, 3, 304, (12, 2, 1), 12, 0.05, 20, "batch_size equals N: 20 steps on the same batch"),
    ("single-row-tail", False, 4, 305, (17, 5, 1), 4, 0.03, 12, "17 rows in batches of 4: the fifth batch is one row"),
    ("long-run", False, 5, 306, (48, 6, 3), 12, 0.02, 30, "48 rows in 4 batches of 12, 30 steps"),
    ("batch-of-one", False, 7, 308, (5, 3, 1), 1, 0.02, 7, "batches of a single row, 7 steps over 5 rows"),
]
# fmt: on


def _data(data_seed, n, d_in, d_out):
    """A smooth non-linear target with a little noise, so a small MLP keeps improving."""
    rng = np.random.default_rng(data_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    y = np.tanh(x @ w) + 0.5 * x[:, :1] + 0.1 * rng.normal(size=(n, d_out))
    return x, y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, batch_size, lr, steps, description in _TABLE:
        x, y = _data(data_seed, *shape)
        args = {"seed": float(seed), "x": x, "y": y, "batch_size": float(batch_size)}
        args.update({"lr": float(lr), "num_steps": float(steps)})
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
