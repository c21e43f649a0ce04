# expect: accepted
"""Functional style: nnx.split into Params and everything else, jax.value_and_grad with the updated
non-trainable state as aux, plain optax updates, nnx.update back into the model at the end."""

import flax.linen as nn
import jax
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
    def __init__(self, x_sample, num_classes, *, rngs):
        self.encoder = nnx.bridge.ToNNX(LinenEncoder(), rngs=rngs)
        nnx.bridge.lazy_init(self.encoder, x_sample, train=False)
        self.head = nnx.Linear(8, num_classes, rngs=rngs)

    def __call__(self, x, train):
        kwargs = {"mutable": ["batch_stats"]} if train else {}
        return self.head(self.encoder(x, train=train, **kwargs))


def bridge_train(seed, x, labels, num_classes, lr, num_steps):
    ids = labels.astype(jnp.int32).reshape(-1)
    model = Classifier(x, int(num_classes), rngs=nnx.Rngs(int(seed)))
    graphdef, params, rest = nnx.split(model, nnx.Param, ...)
    tx = optax.adam(lr)
    opt_state = tx.init(params)

    def loss_fn(params, rest, train):
        m = nnx.merge(graphdef, params, rest, copy=True)
        logits = m(x, train)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, ids).mean()
        return loss, nnx.state(m, nnx.Not(nnx.Param))

    losses = []
    for _ in range(int(num_steps)):
        (loss, rest), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, rest, True)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        losses.append(loss)
    nnx.update(model, params, rest)

    final = optax.softmax_cross_entropy_with_integer_labels(model(x, False), ids).mean()
    return jnp.array([*losses, final])
