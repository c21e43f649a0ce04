# expect: wrong_answer
"""Forgets the relu between the convolution and the pooling."""

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    h, w, c = int(height), int(width), int(channels)
    f, k = int(features), int(num_classes)
    n = images.shape[0]
    x = images.reshape(n, h, w, c)
    rngs = nnx.Rngs(int(seed))
    conv = nnx.Conv(c, f, kernel_size=(3, 3), rngs=rngs)
    linear = nnx.Linear((h // 2) * (w // 2) * f, k, rngs=rngs)
    y = nnx.max_pool(conv(x), window_shape=(2, 2), strides=(2, 2))
    return linear(y.reshape(n, -1))
