# expect: runtime_error
"""Casts the labels to int32 but keeps their (N, 1) shape, one dimension too many for the loss."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class MLP(nnx.Module):
    def __init__(self, d_in, num_classes, *, rngs):
        self.hidden = nnx.Linear(d_in, 16, rngs=rngs)
        self.out = nnx.Linear(16, num_classes, rngs=rngs)

    def __call__(self, x):
        return self.out(jax.nn.relu(self.hidden(x)))


def loss_fn(model, x, ids):
    return jnp.mean(optax.softmax_cross_entropy_with_integer_labels(model(x), ids))


def train_classifier(seed, x, labels, num_classes, lr, num_steps):
    class_ids = labels.astype(jnp.int32)
    model = MLP(x.shape[1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)

    for _ in range(int(num_steps)):
        loss, grads = nnx.value_and_grad(loss_fn)(model, x, class_ids)
        optimizer.update(model, grads)

    final_loss = loss_fn(model, x, class_ids)
    accuracy = jnp.mean((jnp.argmax(model(x), axis=-1) == class_ids).astype(jnp.float32))
    return jnp.array([final_loss, accuracy])
