"""Deterministic inputs for nnx-vmap-ensemble."""

import numpy as np

# name, visible, seed, data seed, K, (N, D_in, D_out), lr, steps, description
# N never equals K, so mapping x over the ensemble axis always fails loudly.
# fmt: off
_TABLE = [
    ("three-members", True, 0, 401, 3, (12, 2, 1), 0.1, 5, "3 members, 12 rows, 5 training steps"),
    ("five-members", True, 1, 402, 5, (16, 3, 2), 0.05, 8, "5 members, 2 outputs, 8 steps at lr 0.05"),
    ("untrained", False, 2, 403, 4, (6, 3, 1), 0.1, 0, "0 steps: only the initialisation and the vmapped forward pass"),
    ("single-member", False, 3, 404, 1, (8, 2, 2), 0.1, 3, "an ensemble of one member, 3 steps"),
    ("single-step", False, 4, 405, 2, (10, 4, 1), 0.2, 1, "2 members, one step at lr 0.2"),
    ("two-rows", False, 6, 407, 6, (2, 2, 2), 0.1, 6, "6 members fitted to only 2 rows"),
    ("long-run", False, 7, 408, 3, (32, 4, 1), 0.1, 15, "3 members, 32 rows, 15 steps"),
]
# fmt: on


def _data(data_seed, n, d_in, d_out):
    """A smooth non-linear target with a little noise."""
    rng = np.random.default_rng(data_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    y = np.sin(x @ w) + 0.3 * x[:, -1:] + 0.1 * rng.normal(size=(n, d_out))
    return x, y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, k, shape, lr, steps, description in _TABLE:
        x, y = _data(data_seed, *shape)
        args = {"seed": float(seed), "x": x, "y": y, "num_members": float(k)}
        args.update({"lr": float(lr), "num_steps": float(steps)})
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
