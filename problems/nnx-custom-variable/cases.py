"""Deterministic inputs for nnx-custom-variable."""

import numpy as np

# One row per case: name, visible, seed, data seed, (N, D_in, D_out), lr, steps, momentum, description.
# fmt: off
_TABLE = [
    ("ten-steps", True, 0, 501, (16, 3, 2), 0.1, 10, 0.9, "10 steps, momentum 0.9"),
    ("one-step", True, 1, 502, (8, 4, 3), 0.1, 1, 0.5, "a single step: one call, one average update"),
    ("no-momentum", False, 2, 503, (12, 3, 2), 0.1, 5, 0.0, "momentum 0: out_mean is the last call's batch mean"),
    ("slow-average", False, 3, 504, (20, 5, 2), 0.05, 15, 0.99, "momentum 0.99 over 15 steps"),
    ("single-output", False, 4, 505, (10, 2, 1), 0.2, 12, 0.8, "one output column"),
    ("one-row", False, 5, 506, (1, 3, 2), 0.1, 6, 0.9, "a single training row"),
    ("wide", False, 6, 507, (48, 8, 6), 0.05, 15, 0.95, "48 rows, 8 inputs, 6 outputs"),
]
# fmt: on


def _regression(rng_seed, n, d_in, d_out):
    """Inputs and targets with non-zero means, so the output average moves as the model trains."""
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(loc=0.5, size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    b = rng.normal(loc=1.0, size=(1, d_out))
    y = (x @ w + b + 0.1 * rng.normal(size=(n, d_out))).astype(np.float32)
    return x, y


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, lr, steps, momentum, description in _TABLE:
        x, y = _regression(data_seed, *shape)
        args = {"seed": float(seed), "x": x, "y": y, "lr": float(lr), "num_steps": float(steps)}
        args["momentum"] = float(momentum)
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
