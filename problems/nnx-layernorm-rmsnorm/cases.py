"""Seeded inputs for the LayerNorm / RMSNorm exercise."""

import numpy as np


def _case(name, visible, description, rng_seed, n, d, scale, offset):
    rng = np.random.default_rng(rng_seed)
    x = offset + scale * rng.normal(size=(n, d))
    return {"name": name, "visible": visible, "description": description, "args": {"x": x.astype(np.float32)}}


def _mixed_scales(name, visible, description, rng_seed):
    """Rows whose spread ranges from 1e-4 to 1e2, so epsilon matters for some rows only."""
    rng = np.random.default_rng(rng_seed)
    scales = np.array([1e-4, 1e-3, 1e-2, 1.0, 1e2])[:, None]
    x = rng.normal(size=(5, 7)) * scales + rng.normal(size=(5, 1)) * scales
    return {"name": name, "visible": visible, "description": description, "args": {"x": x.astype(np.float32)}}


# name, visible, description, rng seed, N, D, scale, offset
SPECS = [
    ("standard", True, "4 rows of 8 standard-normal features", 101, 4, 8, 1.0, 0.0),
    ("tiny-spread", True, "values around 1e-3: the variance is close to epsilon", 102, 3, 6, 1e-3, 0.0),
    ("shifted-rows", False, "mean 3, spread 2: only LayerNorm removes the mean", 103, 5, 6, 2.0, 3.0),
    ("single-row", False, "a single row of 5 features", 104, 1, 5, 1.5, -0.5),
    ("one-feature", False, "one feature per row: LayerNorm gives zeros, RMSNorm about +-1", 105, 4, 1, 1.0, 0.5),
    ("square", False, "as many rows as features (6 x 6)", 106, 6, 6, 1.0, 0.0),
    ("wide-large", False, "8 rows of 32 features with spread 50", 107, 8, 32, 50.0, 10.0),
]


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = [_case(*spec) for spec in SPECS]
    cases.append(_mixed_scales("mixed-scales", False, "rows with spreads from 1e-4 to 1e2", 108))
    return cases
