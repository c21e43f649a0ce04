import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax import nnx


class LinenEncoder(nn.Module):
    """Legacy Linen code: use it unchanged."""

    @nn.compact
    def __call__(self, x, train: bool):
        x = nn.Dense(8, use_bias=False)(x)
        x = nn.BatchNorm(use_running_average=not train, momentum=0.9)(x)
        return nn.relu(x)


class Classifier(nnx.Module):
    def __init__(self, x_sample, num_classes, *, rngs):
        # TODO: 1. self.encoder = LinenEncoder() wrapped with nnx.bridge.ToNNX(..., rngs=rngs)
        # TODO: 2. create its variables with nnx.bridge.lazy_init(self.encoder, x_sample, train=False)
        # TODO: 3. self.head = nnx.Linear(8, num_classes, rngs=rngs)
        pass

    def __call__(self, x, train):
        # TODO: encoder (in training mode its batch_stats collection must be mutable), then head
        pass


def bridge_train(seed, x, labels, num_classes, lr, num_steps):
    """Return every training step's loss, then the trained model's loss in inference mode."""
    # TODO: integer class ids from labels; model with nnx.Rngs(int(seed)); Adam nnx.Optimizer
    # TODO: int(num_steps) steps of nnx.value_and_grad + optimizer.update, keeping each loss
    # TODO: append the cross-entropy of the trained model with train=False
    return jnp.zeros((int(num_steps) + 1,))
