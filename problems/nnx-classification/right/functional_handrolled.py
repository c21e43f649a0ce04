# expect: accepted
"""Functional style: nnx.split / nnx.merge, jax.value_and_grad, raw optax, and a hand-written log-softmax loss."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class Net(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.l1 = nnx.Linear(d_in, 16, rngs=rngs)
        self.l2 = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        return self.l2(nnx.relu(self.l1(x)))


def cross_entropy(logits, ids):
    log_probs = jax.nn.log_softmax(logits, axis=-1)
    picked = jnp.take_along_axis(log_probs, ids[:, None], axis=-1)[:, 0]
    return -jnp.mean(picked)


def train_classifier(seed, x, labels, num_classes, lr, num_steps):
    ids = labels.reshape(-1).astype(jnp.int32)
    graphdef, params = nnx.split(Net(x.shape[1], int(num_classes), rngs=nnx.Rngs(int(seed))))
    tx = optax.adam(lr)
    opt_state = tx.init(params)

    def loss_of(params):
        return cross_entropy(nnx.merge(graphdef, params)(x), ids)

    for _ in range(int(num_steps)):
        _, grads = jax.value_and_grad(loss_of)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)

    logits = nnx.merge(graphdef, params)(x)
    accuracy = jnp.mean(jnp.where(jnp.argmax(logits, axis=-1) == ids, 1.0, 0.0))
    return jnp.array([cross_entropy(logits, ids), accuracy])
