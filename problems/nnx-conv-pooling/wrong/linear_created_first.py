# expect: wrong_answer
"""Builds the Linear layer before the Conv, so each layer draws different keys from the shared Rngs."""

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    h, w, c = int(height), int(width), int(channels)
    f, k = int(features), int(num_classes)
    n = images.shape[0]
    x = images.reshape(n, h, w, c)
    rngs = nnx.Rngs(int(seed))
    linear = nnx.Linear((h // 2) * (w // 2) * f, k, rngs=rngs)
    conv = nnx.Conv(c, f, kernel_size=(3, 3), rngs=rngs)
    y = nnx.max_pool(nnx.relu(conv(x)), window_shape=(2, 2), strides=(2, 2))
    return linear(y.reshape(n, -1))
