"""Cases for nnx-multimetric: linear-regression data split into equal mini-batches."""

import numpy as np


def _data(rng_seed, n, d_in, d_out, y_shift):
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(loc=0.5, scale=1.5, size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out)) / np.sqrt(d_in)
    y = (x @ w + y_shift + 0.3 * rng.normal(size=(n, d_out))).astype(np.float32)
    return x, y


def _case(name, visible, description, seed, data, batch_size, lr):
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
        },
    }


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    return [
        _case(
            "four-batches",
            True,
            "32 rows in four batches of 8, two outputs",
            0,
            _data(200, 32, 3, 2, 1.0),
            8,
            0.1,
        ),
        _case(
            "two-batches-d-out-one",
            True,
            "16 rows in two batches of 8, a single output column",
            1,
            _data(201, 16, 4, 1, -2.0),
            8,
            0.05,
        ),
        _case(
            "one-batch",
            False,
            "batch_size equals N, so the metrics see one batch",
            33,
            _data(1202, 24, 5, 3, 0.5),
            24,
            0.1,
        ),
        _case(
            "many-small-batches",
            False,
            "64 rows in sixteen batches of 4",
            34,
            _data(1203, 64, 8, 2, 1.5),
            4,
            0.05,
        ),
        _case(
            "three-batches-wide-output",
            False,
            "48 rows in three batches of 16, four outputs",
            35,
            _data(1204, 48, 6, 4, -1.0),
            16,
            0.2,
        ),
        _case(
            "batch-size-one",
            False,
            "every row is its own batch",
            36,
            _data(1205, 12, 2, 1, 3.0),
            1,
            0.1,
        ),
        _case(
            "larger-step",
            False,
            "40 rows in five batches of 8 with a larger learning rate",
            37,
            _data(1206, 40, 7, 2, 0.0),
            8,
            0.3,
        ),
    ]
