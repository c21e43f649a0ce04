"""Seeded inputs for the conv + pooling exercise: images flattened row by row as (H, W, C)."""

import numpy as np


def _case(name, visible, description, rng_seed, seed, n, h, w, c, features, classes):
    rng = np.random.default_rng(rng_seed)
    images = rng.uniform(-1.0, 1.0, size=(n, h, w, c)).astype(np.float32)
    return {
        "name": name,
        "visible": visible,
        "description": description,
        "args": {
            "seed": float(seed),
            "images": images.reshape(n, h * w * c),
            "height": float(h),
            "width": float(w),
            "channels": float(c),
            "features": float(features),
            "num_classes": float(classes),
        },
    }


# name, visible, description, rng seed, seed, N, H, W, C, features, classes
SPECS = [
    ("gray-6x6", True, "4 single-channel 6x6 images, 4 filters, 3 classes", 301, 0, 4, 6, 6, 1, 4, 3),
    ("rgb-4x6", True, "3 RGB images of 4x6, 2 filters, 5 classes", 302, 1, 3, 4, 6, 3, 2, 5),
    ("odd-sizes", False, "7x5 two-channel images: pooling drops the last row and column", 303, 2, 5, 7, 5, 2, 3, 4),
    ("single-image", False, "one 8x8 RGB image, 8 filters, 2 classes", 304, 3, 1, 8, 8, 3, 8, 2),
    ("smallest", False, "2x2 images pool to a single position", 305, 4, 6, 2, 2, 1, 3, 3),
    ("tall", False, "10x4 images with 4 channels, 6 filters", 306, 5, 2, 10, 4, 4, 6, 6),
    ("batch-of-eight", False, "8 RGB 6x8 images, 5 filters, 10 classes", 307, 6, 8, 6, 8, 3, 5, 10),
]


def make_cases() -> list[dict]:
    """Return the cases, each {"name", "visible", "description", "args"}."""
    return [_case(*spec) for spec in SPECS]
