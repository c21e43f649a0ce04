# expect: accepted
"""An @nnx.jit train step, Rngs(params=...), the ToNNX.lazy_init method on a one-row sample, and mutable=True."""

import flax.linen as nn
import jax.numpy as jnp
import optax
from flax import nnx


class LinenEncoder(nn.Module):
    @nn.compact
    def __call__(self, x, train: bool):
        x = nn.Dense(8, use_bias=False)(x)
        x = nn.BatchNorm(use_running_average=not train, momentum=0.9)(x)
        return nn.relu(x)


class Classifier(nnx.Module):
    def __init__(self, x_sample, num_classes, *, rngs: nnx.Rngs):
        # Parameter shapes depend only on the feature axis, so one row is enough to initialise.
        self.encoder = nnx.bridge.ToNNX(LinenEncoder(), rngs=rngs).lazy_init(x_sample[:1], train=True)
        self.head = nnx.Linear(8, num_classes, rngs=rngs)

    def __call__(self, x, train):
        # mutable=True: every collection may change; in inference mode nothing may.
        return self.head(self.encoder(x, train=train, mutable=bool(train)))


def loss_fn(model, x, ids, train):
    logits = model(x, train)
    return jnp.mean(optax.softmax_cross_entropy_with_integer_labels(logits=logits, labels=ids))


@nnx.jit
def train_step(model, optimizer, x, ids):
    loss, grads = nnx.value_and_grad(loss_fn)(model, x, ids, True)
    optimizer.update(model, grads)
    return loss


def bridge_train(seed, x, labels, num_classes, lr, num_steps):
    ids = jnp.squeeze(labels, axis=-1).astype(jnp.int32)
    model = Classifier(x, int(num_classes), rngs=nnx.Rngs(params=int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(learning_rate=lr), wrt=nnx.Param)
    history = [train_step(model, optimizer, x, ids) for _ in range(int(num_steps))]
    history.append(loss_fn(model, x, ids, False))
    return jnp.array(history)
