"""Seeded nonlinear regression data for nnx-adamw-mask, scaled so every parameter group moves."""

import numpy as np

# name, visible, seed, data seed, (N, D_in, D_out), lr, weight_decay, steps, description
# fmt: off
_TABLE = [
    ("basic", True, 0, 601, (24, 3, 2), 0.05, 0.5, 8, "24 samples, 8 steps, weight decay 0.5"),
    ("single-step", True, 1, 602, (24, 3, 2), 0.05, 0.5, 1, "one step: the decay has barely started"),
    ("strong-decay", False, 2, 603, (24, 3, 2), 0.05, 2.0, 8, "weight decay 2.0 shrinks the kernels hard"),
    ("weak-decay", False, 3, 604, (24, 3, 2), 0.1, 0.05, 6, "a small decay with a larger learning rate"),
    ("one-output", False, 4, 605, (16, 4, 1), 0.05, 1.0, 6, "four inputs, a single output column"),
    ("tiny", False, 5, 606, (4, 3, 2), 0.05, 0.5, 5, "only 4 samples"),
    ("longer", False, 6, 607, (16, 4, 1), 0.03, 0.8, 12, "12 steps at a smaller learning rate"),
]
# fmt: on


def _data(data_seed, n, d_in, d_out):
    """Targets with an offset and a curve, so biases and LayerNorm parameters must move."""
    rng = np.random.default_rng(data_seed)
    x = rng.normal(size=(n, d_in)).astype(np.float32)
    w = rng.normal(size=(d_in, d_out))
    y = np.tanh(x @ w) * 2.0 + 1.5 + 0.3 * x[:, :1] ** 2 + 0.1 * rng.normal(size=(n, d_out))
    return x, y.astype(np.float32)


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    cases = []
    for name, visible, seed, data_seed, shape, lr, weight_decay, steps, description in _TABLE:
        x, y = _data(data_seed, *shape)
        args = {
            "seed": float(seed),
            "x": x,
            "y": y,
            "lr": float(lr),
            "weight_decay": float(weight_decay),
            "num_steps": float(steps),
        }
        cases.append({"name": name, "visible": visible, "description": description, "args": args})
    return cases
