# expect: accepted
"""Style: functional API: nnx.split, jax.value_and_grad(has_aux=True) over the Param state, optax by hand."""

import jax
import numpy as np
import optax
from flax import nnx


def train_with_aux(seed, x, labels, num_classes, lr, num_steps):
    y = np.asarray(labels).astype(np.int32).ravel()
    model = nnx.Linear(int(x.shape[1]), int(num_classes), rngs=nnx.Rngs(int(seed)))
    graphdef, params = nnx.split(model, nnx.Param)
    tx = optax.sgd(lr)
    opt_state = tx.init(params)

    def loss_fn(params):
        logits = nnx.merge(graphdef, params)(x)
        loss = optax.softmax_cross_entropy(logits, jax.nn.one_hot(y, int(num_classes))).mean()
        return loss, logits

    out = np.zeros((int(num_steps), 2), dtype=np.float32)
    for step in range(int(num_steps)):
        (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        out[step, 0] = loss
        out[step, 1] = np.mean(np.argmax(np.asarray(logits), axis=1) == y)
    return out
