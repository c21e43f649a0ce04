# expect: runtime_error
"""Reshapes with the float sizes as given, without int(); JAX shapes must be integers."""

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    n = images.shape[0]
    x = images.reshape(n, height, width, channels)
    rngs = nnx.Rngs(int(seed))
    conv = nnx.Conv(int(channels), int(features), kernel_size=(3, 3), rngs=rngs)
    size = int(height) // 2 * (int(width) // 2) * int(features)
    linear = nnx.Linear(size, int(num_classes), rngs=rngs)
    y = nnx.max_pool(nnx.relu(conv(x)), window_shape=(2, 2), strides=(2, 2))
    return linear(y.reshape(n, -1))
