"""Reference: nnx.Conv -> relu -> nnx.max_pool -> flatten -> nnx.Linear on flattened NHWC images."""

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    """Return the (N, num_classes) logits of a freshly initialised conv-pool-linear model."""
    h, w, c = int(height), int(width), int(channels)
    f, k = int(features), int(num_classes)
    n = images.shape[0]
    x = images.reshape(n, h, w, c)  # each row is one image stored as (H, W, C), channels last

    rngs = nnx.Rngs(int(seed))
    conv = nnx.Conv(c, f, kernel_size=(3, 3), rngs=rngs)  # padding="SAME", strides 1
    linear = nnx.Linear((h // 2) * (w // 2) * f, k, rngs=rngs)  # created second

    y = nnx.relu(conv(x))  # (N, H, W, F)
    y = nnx.max_pool(y, window_shape=(2, 2), strides=(2, 2))  # (N, H // 2, W // 2, F)
    y = y.reshape(n, -1)
    return linear(y)
