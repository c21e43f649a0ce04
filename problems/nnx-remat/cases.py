"""Deterministic inputs for nnx-remat: small regression sets for a residual tower."""

import numpy as np

# name, visible, seed, dropout seed, data seed, (N, width, D_out), blocks, lr, steps, description
# fmt: off
_TABLE = [
    ("two-blocks", True, 0, 100, 501, (16, 4, 2), 2, 0.05, 5, "2 blocks, width 4, 5 steps"),
    ("single-step", True, 3, 7, 502, (8, 3, 1), 1, 0.05, 1, "1 block, 1 step"),
    ("one-block-long", False, 5, 11, 503, (8, 3, 1), 1, 0.05, 12, "1 block, 12 steps: a fresh dropout mask each step"),
    ("other-seeds", False, 9, 2, 504, (16, 4, 2), 2, 0.05, 8, "2 blocks, other seeds and data, 8 steps"),
    ("three-blocks", False, 14, 40, 506, (16, 4, 2), 3, 0.03, 6, "3 blocks deep, 6 steps"),
    ("tiny", False, 1, 1, 505, (3, 2, 2), 2, 0.05, 4, "3 rows, width 2"),
    ("higher-lr", False, 21, 8, 507, (16, 4, 2), 2, 0.1, 6, "2 blocks at lr 0.1"),
]
# fmt: on


def _regression(data_seed, n, width, d_out):
    """Smooth nonlinear targets plus a little noise."""
    rng = np.random.default_rng(data_seed)
    x = rng.normal(size=(n, width))
    w = rng.normal(size=(width, d_out)) / np.sqrt(width)
    y = np.sin(x @ w) + 0.5 * (x @ w) + 0.1 * rng.normal(size=(n, d_out))
    return x.astype(np.float32), y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, dropout_seed, data_seed, shape, blocks, lr, steps, description in _TABLE:
        x, y = _regression(data_seed, *shape)
        args = {"seed": float(seed), "dropout_seed": float(dropout_seed), "x": x, "y": y}
        args.update({"num_blocks": float(blocks), "lr": float(lr), "num_steps": float(steps)})
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
