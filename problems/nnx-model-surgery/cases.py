"""Deterministic inputs for nnx-model-surgery."""

import numpy as np

# One row per case: name, visible, seed, data seed, N, D_in, new outputs, lr, pretraining steps,
# fine-tuning steps, description. The old task always has a single output column.
# fmt: off
_TABLE = [
    ("basic", True, 0, 501, 16, 3, 2, 0.02, 5, 5, "5 pretraining and 5 fine-tuning steps, 2 new outputs"),
    ("one-finetune-step", True, 4, 502, 12, 4, 3, 0.02, 3, 1, "a single fine-tuning step"),
    ("no-pretraining", False, 9, 503, 10, 2, 2, 0.02, 0, 4, "no pretraining: the swap happens on a fresh model"),
    ("single-output", False, 13, 504, 20, 5, 1, 0.02, 4, 5, "the new task has one output, like the old one"),
    ("wide-head", False, 21, 505, 24, 6, 5, 0.01, 4, 6, "5 new outputs, lr 0.01"),
    ("longer", False, 33, 506, 32, 3, 2, 0.03, 6, 8, "6 pretraining and 8 fine-tuning steps, lr 0.03"),
    ("tiny", False, 2, 507, 4, 2, 2, 0.05, 2, 3, "4 samples"),
]
# fmt: on


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, n, d_in, d_new, lr, pre, steps, description in _TABLE:
        rng = np.random.default_rng(data_seed)
        x = rng.normal(size=(n, d_in)).astype(np.float32)
        w_old = rng.normal(size=(d_in, 1))
        w_new = rng.normal(size=(d_in, d_new))
        y_old = (np.tanh(x @ w_old) + 0.05 * rng.normal(size=(n, 1))).astype(np.float32)
        y_new = (np.sin(x @ w_new) + 0.3 + 0.05 * rng.normal(size=(n, d_new))).astype(np.float32)
        args = {"seed": float(seed), "x": x, "y_old": y_old, "y_new": y_new, "lr": float(lr)}
        args["pre_steps"] = float(pre)
        args["num_steps"] = float(steps)
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
