"""Seeded regression data for nnx-schedule-clipping: large targets, so early gradients exceed max_norm."""

import numpy as np

# name, visible, seed, data seed, (N, D_in, D_out), peak_lr, warmup, steps, max_norm, description
# fmt: off
_TABLE = [
    ("warmup-then-decay", True, 0, 401, (16, 3, 2), 0.2, 3, 12, 1.0, "3 warmup steps out of 12, clipping at norm 1"),
    ("single-step", True, 1, 402, (16, 3, 2), 0.1, 0, 1, 2.0, "one step, no warmup: the rate is the peak at once"),
    ("no-warmup", False, 2, 403, (16, 3, 2), 0.1, 0, 8, 2.0, "pure cosine decay from the peak over 8 steps"),
    ("long-warmup", False, 3, 404, (16, 3, 2), 0.3, 7, 10, 0.5, "7 of 10 steps are warmup, tight clipping"),
    ("loose-clip", False, 4, 405, (24, 4, 1), 0.05, 2, 10, 15.0, "a loose max_norm that only early gradients exceed"),
    ("one-warmup-step", False, 5, 406, (24, 4, 1), 0.2, 1, 6, 1.0, "a single warmup step, then cosine decay"),
    ("tiny-batch", False, 6, 407, (3, 3, 2), 0.15, 2, 7, 1.5, "only 3 samples"),
]
# fmt: on


def _regression(data_seed, n, d_in, d_out):
    """Targets with a large scale and offset, so the first gradients are big."""
    rng = np.random.default_rng(data_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = 3.0 * rng.normal(size=(d_in, d_out))
    y = x @ w + 4.0 + 0.2 * rng.normal(size=(n, d_out))
    return x, y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, peak_lr, warmup, steps, max_norm, description in _TABLE:
        x, y = _regression(data_seed, *shape)
        args = {
            "seed": float(seed),
            "x": x,
            "y": y,
            "peak_lr": float(peak_lr),
            "warmup_steps": float(warmup),
            "num_steps": float(steps),
            "max_norm": float(max_norm),
        }
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
