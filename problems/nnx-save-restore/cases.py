"""Deterministic inputs for nnx-save-restore."""

import numpy as np

# name, visible, seed_a, seed_b, data seed, (N, D_in, D_out), lr, steps_before, steps_after, description
# Only three shapes: eager JAX compiles its kernels once per shape, and the cases that share
# a shape then run fast.
# fmt: off
_TABLE = [
    ("basic", True, 0, 1, 301, (32, 3, 2), 0.1, 6, 4, "6 steps before saving, 4 after restoring"),
    ("one-step-after", True, 2, 7, 302, (32, 3, 2), 0.1, 5, 1, "a single step after restoring"),
    ("one-step-before", False, 5, 3, 303, (32, 3, 2), 0.2, 1, 5, "a single step before saving, lr 0.2"),
    ("equal-halves", False, 21, 22, 304, (32, 3, 2), 0.15, 5, 5, "5 steps on each side of the checkpoint"),
    ("tiny", False, 4, 40, 305, (6, 2, 1), 0.1, 4, 3, "only 6 rows, one output"),
    ("wide", False, 9, 0, 306, (48, 8, 4), 0.1, 6, 5, "8 inputs, 4 outputs; seed_b is 0"),
    ("longer-first-run", False, 11, 12, 307, (48, 8, 4), 0.05, 10, 5, "10 steps before, 5 after, lr 0.05"),
]
# fmt: on


def _regression(rng_seed, n, d_in, d_out):
    """Targets with an offset, a mild curve and noise, so training keeps improving."""
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    y = x @ w + 1.0 + 0.5 * x[:, :1] ** 2 + 0.1 * rng.normal(size=(n, d_out))
    return x, y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed_a, seed_b, data_seed, shape, lr, before, after, description in _TABLE:
        x, y = _regression(data_seed, *shape)
        args = {"seed_a": float(seed_a), "seed_b": float(seed_b), "x": x, "y": y, "lr": float(lr)}
        args["steps_before"] = float(before)
        args["steps_after"] = float(after)
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
