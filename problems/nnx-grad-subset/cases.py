"""Deterministic inputs for nnx-grad-subset: small nonlinear regression sets."""

import numpy as np

# name, visible, seed, data seed, (N, D_in, hidden, D_out), lr, steps, description
# fmt: off
_TABLE = [
    ("six-steps", True, 0, 401, (16, 4, 8, 2), 0.05, 6, "16 rows, hidden 8, 6 steps at lr 0.05"),
    ("single-step", True, 3, 402, (8, 3, 5, 1), 0.1, 1, "1 step: the gradient norm of the untouched model"),
    ("long-run", False, 7, 403, (16, 4, 8, 2), 0.05, 20, "20 steps: weight decay has time to act"),
    ("big-lr", False, 12, 404, (16, 4, 8, 2), 0.3, 10, "lr 0.3"),
    ("one-output", False, 5, 405, (8, 3, 5, 1), 0.1, 12, "one output column, 12 steps"),
    ("tiny", False, 1, 406, (3, 2, 4, 2), 0.1, 4, "3 rows, 4 steps"),
    ("wide", False, 30, 407, (32, 6, 12, 4), 0.02, 12, "32 rows, hidden 12, 4 outputs, 12 slow steps"),
]
# fmt: on


def _regression(data_seed, n, d_in, d_out):
    """Targets from a random one-hidden-layer network plus noise."""
    rng = np.random.default_rng(data_seed)
    x = rng.normal(size=(n, d_in))
    w1 = rng.normal(size=(d_in, 6))
    w2 = rng.normal(size=(6, d_out))
    y = np.tanh(x @ w1) @ w2 + 0.1 * rng.normal(size=(n, d_out))
    return x.astype(np.float32), y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, (n, d_in, hidden, d_out), lr, steps, description in _TABLE:
        x, y = _regression(data_seed, n, d_in, d_out)
        args = {"seed": float(seed), "x": x, "y": y, "hidden": float(hidden)}
        args.update({"lr": float(lr), "num_steps": float(steps)})
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
