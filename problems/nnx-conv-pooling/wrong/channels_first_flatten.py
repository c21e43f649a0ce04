# expect: wrong_answer
"""Moves the channels in front before flattening (PyTorch order), so the features reach the Linear weights permuted."""

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    h, w, c = int(height), int(width), int(channels)
    f, k = int(features), int(num_classes)
    n = images.shape[0]
    x = images.reshape(n, h, w, c)
    rngs = nnx.Rngs(int(seed))
    conv = nnx.Conv(c, f, kernel_size=(3, 3), rngs=rngs)
    linear = nnx.Linear((h // 2) * (w // 2) * f, k, rngs=rngs)
    y = nnx.max_pool(nnx.relu(conv(x)), window_shape=(2, 2), strides=(2, 2))
    return linear(y.transpose(0, 3, 1, 2).reshape(n, -1))
