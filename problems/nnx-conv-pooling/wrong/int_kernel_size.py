# expect: wrong_answer
"""Passes kernel_size=3: NNX reads a single int as a 1-D kernel and convolves along the width only."""

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    h, w, c = int(height), int(width), int(channels)
    f, k = int(features), int(num_classes)
    n = images.shape[0]
    x = images.reshape(n, h, w, c)
    rngs = nnx.Rngs(int(seed))
    conv = nnx.Conv(c, f, kernel_size=3, rngs=rngs)
    linear = nnx.Linear((h // 2) * (w // 2) * f, k, rngs=rngs)
    y = nnx.max_pool(nnx.relu(conv(x)), window_shape=(2, 2), strides=(2, 2))
    return linear(y.reshape(n, -1))
