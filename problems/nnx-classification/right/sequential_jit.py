# expect: accepted
"""nnx.Sequential model with an @nnx.jit train step and jnp.squeeze for the labels."""

import jax.numpy as jnp
import optax
from flax import nnx


@nnx.jit
def train_step(model, optimizer, x, ids):
    def loss_fn(model):
        logits = model(x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, ids).mean()

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


def train_classifier(seed, x, labels, num_classes, lr, num_steps):
    ids = jnp.squeeze(labels, axis=1).astype(jnp.int32)
    rngs = nnx.Rngs(int(seed))
    model = nnx.Sequential(
        nnx.Linear(x.shape[1], 16, rngs=rngs),
        nnx.relu,
        nnx.Linear(16, int(num_classes), rngs=rngs),
    )
    optimizer = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)
    for _ in range(int(num_steps)):
        train_step(model, optimizer, x, ids)

    logits = model(x)
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, ids).mean()
    accuracy = (logits.argmax(axis=1) == ids).mean(dtype=jnp.float32)
    return jnp.stack([loss, accuracy])
