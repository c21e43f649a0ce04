"""Reference: a two-layer MLP classifier trained with integer-label softmax cross-entropy."""

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


def loss_fn(model, x, labels):
    logits = model(x)  # raw scores, shape (N, num_classes); the loss applies log-softmax itself
    return jnp.mean(optax.softmax_cross_entropy_with_integer_labels(logits, labels))


def train_classifier(seed, x, labels, num_classes, lr, num_steps):
    """Train with Adam on the whole batch; return [loss after training, accuracy after training]."""
    class_ids = labels[:, 0].astype(jnp.int32)  # (N, 1) floats -> (N,) integers
    model = MLP(x.shape[1], int(num_classes), rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(lr), wrt=nnx.Param)

    for _ in range(int(num_steps)):
        _, grads = nnx.value_and_grad(loss_fn)(model, x, class_ids)
        optimizer.update(model, grads)

    final_loss = loss_fn(model, x, class_ids)
    predictions = jnp.argmax(model(x), axis=-1)
    accuracy = jnp.mean((predictions == class_ids).astype(jnp.float32))
    return jnp.array([final_loss, accuracy])
