"""Cases for nnx-train-batchnorm: shifted, scaled inputs so BatchNorm statistics matter."""

import numpy as np


def _data(rng_seed, n, d_in, d_out, x_loc, x_scale, y_shift):
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(loc=x_loc, scale=x_scale, size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out)).astype(np.float32) / np.sqrt(d_in)
    noise = 0.1 * rng.normal(size=(n, d_out))
    y = (0.5 * (x - x_loc) @ w + y_shift + noise).astype(np.float32)
    return x, y


def _case(name, visible, description, seed, data, batch_size, lr, num_steps):
    x, y = data
    return {
        "name": name,
        "visible": visible,
        "description": description,
        "args": {
            "seed": float(seed),
            "x_batches_flat": x,
            "y_batches_flat": y,
            "batch_size": float(batch_size),
            "lr": float(lr),
            "num_steps": float(num_steps),
        },
    }


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    return [
        _case(
            "two-batches",
            True,
            "16 rows in two mini-batches of 8, six steps, so each batch is seen three times",
            0,
            _data(100, 16, 3, 2, 2.0, 3.0, 1.5),
            8,
            0.05,
            6,
        ),
        _case(
            "cycling-d-out-one",
            True,
            "four batches of 8 and ten steps (the loop wraps around), one output column",
            1,
            _data(101, 32, 4, 1, -1.5, 2.0, 2.0),
            8,
            0.1,
            10,
        ),
        _case(
            "one-full-batch",
            False,
            "batch_size equals N, so every step uses all 24 rows",
            33,
            _data(1102, 24, 5, 3, 3.0, 0.5, -1.0),
            24,
            0.05,
            12,
        ),
        _case(
            "single-step",
            False,
            "a single optimizer step: one EMA tick of the running statistics",
            34,
            _data(1103, 32, 4, 2, 1.0, 4.0, 2.5),
            16,
            0.1,
            1,
        ),
        _case(
            "long-run",
            False,
            "eight batches of 8 and the maximum of 40 steps (five passes)",
            35,
            _data(1104, 64, 8, 2, 0.5, 2.5, 1.0),
            8,
            0.05,
            40,
        ),
        _case(
            "d-out-one-many-steps",
            False,
            "four batches of 12, 25 steps, one output column",
            36,
            _data(1105, 48, 6, 1, -2.0, 1.5, -2.0),
            12,
            0.02,
            25,
        ),
        _case(
            "fewer-steps-than-batches",
            False,
            "four batches of 16 but only three steps, so the last batch is never used",
            37,
            _data(1106, 64, 3, 2, 4.0, 2.0, 3.0),
            16,
            0.08,
            3,
        ),
    ]
