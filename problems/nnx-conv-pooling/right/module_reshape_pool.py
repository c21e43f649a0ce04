# expect: accepted
"""An nnx.Module CNN; pools by reshaping into 2x2 blocks and taking their max, with relu after pooling."""

import jax.numpy as jnp
from flax import nnx


class TinyCNN(nnx.Module):
    def __init__(self, height, width, channels, features, num_classes, *, rngs: nnx.Rngs):
        self.conv = nnx.Conv(channels, features, kernel_size=(3, 3), padding="SAME", rngs=rngs)
        self.head = nnx.Linear((height // 2) * (width // 2) * features, num_classes, rngs=rngs)

    def __call__(self, x):
        n, h, w, f = x.shape[0], x.shape[1] // 2, x.shape[2] // 2, self.conv.out_features
        y = self.conv(x)[:, : 2 * h, : 2 * w, :]  # drop an odd last row / column, as VALID pooling does
        y = y.reshape(n, h, 2, w, 2, f).max(axis=(2, 4))
        y = jnp.maximum(y, 0.0)  # relu commutes with max pooling
        return self.head(y.reshape(n, h * w * f))


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    dims = [int(v) for v in (height, width, channels, features, num_classes)]
    h, w, c = dims[:3]
    model = TinyCNN(*dims, rngs=nnx.Rngs(int(seed)))
    return model(jnp.reshape(images, (-1, h, w, c)))
