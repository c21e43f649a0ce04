# expect: accepted
"""nnx.Sequential of the layers and plain functions, with functools.partial for the pooling."""

from functools import partial

from flax import nnx


def conv_pool_logits(seed, images, height, width, channels, features, num_classes):
    H, W, C = int(height), int(width), int(channels)
    F, K = int(features), int(num_classes)
    rngs = nnx.Rngs(int(seed))
    conv = nnx.Conv(in_features=C, out_features=F, kernel_size=(3, 3), strides=(1, 1), rngs=rngs)
    dense = nnx.Linear(in_features=(H // 2) * (W // 2) * F, out_features=K, rngs=rngs)
    model = nnx.Sequential(
        conv,
        nnx.relu,
        partial(nnx.max_pool, window_shape=(2, 2), strides=(2, 2), padding="VALID"),
        lambda y: y.reshape(y.shape[0], -1),
        dense,
    )
    return model(images.reshape(images.shape[0], H, W, C))
