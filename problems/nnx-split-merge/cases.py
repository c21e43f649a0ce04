"""Deterministic inputs for nnx-split-merge."""

import numpy as np

# One row per case: name, visible, seed, data seed, (N, D_in, D_out), lr, steps, description.
# fmt: off
_TABLE = [
    ("ten-steps", True, 0, 301, (16, 3, 1), 0.1, 10, "10 steps, 16 samples, 3 features, one output"),
    ("single-step", True, 5, 302, (8, 2, 2), 0.2, 1, "a single update, two outputs"),
    ("two-steps", False, 11, 303, (12, 4, 1), 0.3, 2, "2 steps at lr 0.3"),
    ("wide", False, 23, 304, (32, 8, 3), 0.1, 12, "8 features, 3 outputs, 12 steps"),
    ("long-run", False, 42, 305, (48, 5, 2), 0.1, 25, "25 steps on 48 samples"),
    ("slow-lr", False, 7, 306, (24, 6, 1), 0.02, 15, "15 steps at lr 0.02"),
    ("tiny", False, 1, 307, (3, 2, 1), 0.1, 6, "3 samples, 6 steps"),
]
# fmt: on


def _data(rng_seed, n, d_in, d_out):
    """Features with shifted means and very different scales, targets from a smooth function."""
    rng = np.random.default_rng(rng_seed)
    loc = rng.uniform(-5.0, 5.0, size=(1, d_in))
    scale = rng.uniform(0.2, 6.0, size=(1, d_in))
    z = rng.normal(size=(n, d_in))
    x = (loc + scale * z).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    y = np.sin(z @ w) + 0.5 + 0.1 * rng.normal(size=(n, d_out))
    return x, y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, lr, steps, description in _TABLE:
        x, y = _data(data_seed, *shape)
        args = {"seed": float(seed), "x": x, "y": y, "lr": float(lr), "num_steps": float(steps)}
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
