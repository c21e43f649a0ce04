"""Seeded inputs for the Welford streaming-statistics exercise."""

import numpy as np


def _case(
    name,
    visible,
    description,
    rng_seed,
    seed,
    n,
    d_in,
    d_out,
    batch_size,
    lr,
    num_steps,
):
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    # A linear target plus noise and a mild curve, so the trained model keeps uneven errors.
    y = x @ w + 0.5 + 0.4 * rng.normal(size=(n, d_out)) + 0.3 * x[:, :1] ** 2
    return {
        "name": name,
        "visible": visible,
        "description": description,
        "args": {
            "seed": float(seed),
            "x_flat": x,
            "y_flat": y.astype(np.float32),
            "batch_size": float(batch_size),
            "lr": float(lr),
            "num_steps": float(num_steps),
        },
    }


# name, visible, description, rng seed, seed, N, D_in, D_out, batch_size, lr, num_steps
SPECS = [
    ("basic", True, "32 rows, one output, four batches of 8", 11, 0, 32, 3, 1, 8, 0.1, 10),
    ("short-last-batch", True, "20 rows in batches of 6: the last holds 2", 22, 1, 20, 4, 2, 6, 0.05, 20),
    ("one-step", False, "one training step, three outputs, batches of 4", 1033, 33, 16, 2, 3, 4, 0.1, 1),
    ("one-batch", False, "batch_size equals N: a single update", 1044, 34, 24, 5, 2, 24, 0.1, 15),
    ("many-batches", False, "64 rows, 4 outputs, batches of 5 (last of 4)", 1055, 35, 64, 8, 4, 5, 0.05, 40),
    ("single-row-tail", False, "33 rows in batches of 8: the last is one row", 1066, 36, 33, 3, 1, 8, 0.2, 25),
    ("wide-output", False, "40 rows, 8 outputs, four batches of 10", 1077, 38, 40, 6, 8, 10, 0.1, 30),
]


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    return [_case(*spec) for spec in SPECS]
