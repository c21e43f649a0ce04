# expect: accepted
"""Style: an @nnx.jit train step whose loss_fn returns a dict of metrics as aux, with a hand-written cross-entropy."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


def cross_entropy(logits, labels):
    log_probs = jax.nn.log_softmax(logits, axis=-1)
    picked = jnp.take_along_axis(log_probs, labels[:, None], axis=-1)
    return -jnp.mean(picked)


def loss_fn(model, x, labels):
    logits = model(x)
    loss = cross_entropy(logits, labels)
    correct = jnp.argmax(logits, axis=-1) == labels
    return loss, {"accuracy": correct.astype(jnp.float32).mean()}


@nnx.jit
def train_step(model, optimizer, x, labels):
    (loss, metrics), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model, x, labels)
    optimizer.update(model, grads)
    return loss, metrics["accuracy"]


def train_with_aux(seed, x, labels, num_classes, lr, num_steps):
    labels = jnp.reshape(labels, (-1,)).astype(jnp.int32)
    model = nnx.Linear(x.shape[1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(learning_rate=lr), wrt=nnx.Param)
    history = []
    for _ in range(int(num_steps)):
        loss, accuracy = train_step(model, optimizer, x, labels)
        history.append((float(loss), float(accuracy)))
    return jnp.asarray(history, dtype=jnp.float32)
