"""Seeded inputs for the causal attention block: sequences stacked row by row."""

import numpy as np


def _case(name, visible, description, rng_seed, seed, batch, length, features, heads, head_dim):
    rng = np.random.default_rng(rng_seed)
    x = rng.normal(size=(batch * length, features)).astype(np.float32)
    return {
        "name": name,
        "visible": visible,
        "description": description,
        "args": {
            "seed": float(seed),
            "x_flat": x,
            "seq_len": float(length),
            "num_heads": float(heads),
            "head_dim": float(head_dim),
        },
    }


# name, visible, description, rng seed, seed, batch, length, features, heads, head_dim
SPECS = [
    ("two-sequences", True, "2 sequences of 4 tokens, 8 features, 2 heads of size 4", 401, 0, 2, 4, 8, 2, 4),
    ("one-head", True, "3 sequences of 5 tokens, 6 features, a single head of size 6", 402, 1, 3, 5, 6, 1, 6),
    ("single-token", False, "sequences of length 1: each token only sees itself", 403, 2, 3, 1, 4, 2, 2),
    ("one-sequence", False, "one sequence of 7 tokens, 4 heads of size 2", 404, 3, 1, 7, 4, 4, 2),
    ("narrow-heads", False, "12 features but 3 heads of size 2: qkv width 6", 405, 4, 2, 6, 12, 3, 2),
    ("wide-heads", False, "2 sequences of 12 tokens, 8 features, 2 heads of size 8", 406, 5, 2, 12, 8, 2, 8),
    ("batch-of-four", False, "4 sequences of 6 tokens, 10 features, 5 heads of size 3", 407, 6, 4, 6, 10, 5, 3),
]


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    return [_case(*spec) for spec in SPECS]
