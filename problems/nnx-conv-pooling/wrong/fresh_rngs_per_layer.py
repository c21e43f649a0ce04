# expect: wrong_answer
"""Gives each layer its own nnx.Rngs(int(seed)), so the Linear starts from the same keys as the Conv."""

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    h, w, c = int(height), int(width), int(channels)
    f, k = int(features), int(num_classes)
    n = images.shape[0]
    x = images.reshape(n, h, w, c)
    conv = nnx.Conv(c, f, kernel_size=(3, 3), rngs=nnx.Rngs(int(seed)))
    linear = nnx.Linear((h // 2) * (w // 2) * f, k, rngs=nnx.Rngs(int(seed)))
    y = nnx.max_pool(nnx.relu(conv(x)), window_shape=(2, 2), strides=(2, 2))
    return linear(y.reshape(n, -1))
