# expect: runtime_error
"""Passes the float32 labels straight to the integer-label cross-entropy."""

import flax.linen as nn
import jax.numpy as jnp
import optax
from flax import nnx


class LinenEncoder(nn.Module):
    """Legacy Linen code, used unchanged."""

    @nn.compact
    def __call__(self, x, train: bool):
        x = nn.Dense(8, use_bias=False)(x)
        x = nn.BatchNorm(use_running_average=not train, momentum=0.9)(x)
        return nn.relu(x)


class Classifier(nnx.Module):
    def __init__(self, x_sample, num_classes, *, rngs):
        # The wrapper takes its own share of the keys now; lazy_init creates the Linen variables.
        self.encoder = nnx.bridge.ToNNX(LinenEncoder(), rngs=rngs)
        nnx.bridge.lazy_init(self.encoder, x_sample, train=False)
        self.head = nnx.Linear(8, num_classes, rngs=rngs)

    def __call__(self, x, train):
        if not train:
            return self.head(self.encoder(x, train=False))
        # BatchNorm writes its running averages here: the collection must be mutable.
        h = self.encoder(x, train=True, mutable=["batch_stats"])
        return self.head(h)


def cross_entropy(model, x, labels, train):
    logits = model(x, train=train)
    return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()


def bridge_train(seed, x, labels, num_classes, lr, num_steps):
    """Return every training step's loss, then the trained model's loss in inference mode."""
    ids = labels[:, 0]
    model = Classifier(x, int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)

    losses = []
    for _ in range(int(num_steps)):
        loss, grads = nnx.value_and_grad(cross_entropy)(model, x, ids, True)
        optimizer.update(model, grads)
        losses.append(loss)
    losses.append(cross_entropy(model, x, ids, False))
    return jnp.stack(losses)
