"""Seeded inputs for the named-RNG-streams exercise."""

import numpy as np

# Several cases share a shape: every new shape costs JAX a round of compilation.
# name, visible, description, data seed, seed, noise_seed, (N, D_in), D_out, sigma
# fmt: off
SPECS = [
    ("basic", True, "8 rows, 3 inputs, 2 outputs, sigma 0.5", 101, 0, 1, (8, 3), 2, 0.5),
    ("single-row", True, "one row, 4 inputs, 3 outputs, sigma 1", 102, 3, 7, (1, 4), 3, 1.0),
    ("no-noise", False, "sigma 0: only the layer's weights matter", 103, 5, 9, (8, 3), 2, 0.0),
    ("wide", False, "32 rows, 8 inputs, 5 outputs, sigma 0.1", 104, 11, 12, (32, 8), 5, 0.1),
    ("same-seed", False, "both streams seeded with 4", 105, 4, 4, (8, 3), 2, 0.3),
    ("loud-noise", False, "sigma 2: the noise dominates", 106, 21, 0, (32, 8), 5, 2.0),
    ("one-output", False, "16 rows, 6 inputs, a single output", 107, 100, 200, (16, 6), 1, 0.25),
    ("tiny", False, "2 rows, 1 input, 1 output", 108, 8, 13, (2, 1), 1, 0.7),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, description, data_seed, seed, noise_seed, shape, d_out, sigma in SPECS:
        x = np.random.default_rng(data_seed).normal(size=shape).astype(np.float32)
        args = {
            "seed": float(seed),
            "noise_seed": float(noise_seed),
            "x": x,
            "d_out": float(d_out),
            "sigma": float(sigma),
        }
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
