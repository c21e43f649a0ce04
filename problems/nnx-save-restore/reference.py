"""Reference: train, save the whole state to an .npz file, restore it into a freshly seeded model, train on."""

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx, traverse_util

CHECKPOINT = "checkpoint.npz"  # relative: written to the current working folder


class Regressor(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.linear1 = nnx.Linear(d_in, 8, rngs=rngs)
        self.bn = nnx.BatchNorm(8, momentum=0.9, rngs=rngs)
        self.linear2 = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x, use_running_average):
        h = self.bn(self.linear1(x), use_running_average=use_running_average)
        return self.linear2(jax.nn.relu(h))


def train_loss(model, x, y):
    return jnp.mean((model(x, use_running_average=False) - y) ** 2)


def eval_loss(model, x, y):
    return jnp.mean((model(x, use_running_average=True) - y) ** 2)


def train(model, x, y, lr, num_steps):
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    for _ in range(num_steps):
        _, grads = nnx.value_and_grad(train_loss)(model, x, y)
        optimizer.update(model, grads)


def save_restore(seed_a, seed_b, x, y, lr, steps_before, steps_after):
    """Return [A after training, fresh B, B restored from A's file, B after more training], all in eval mode."""
    d_in, d_out = x.shape[1], y.shape[1]

    model_a = Regressor(d_in, d_out, rngs=nnx.Rngs(int(seed_a)))
    train(model_a, x, y, lr, int(steps_before))
    loss_saved = eval_loss(model_a, x, y)

    # Save every variable (Params and BatchNorm statistics) as plain arrays with flat "a/b" keys.
    pure = nnx.to_pure_dict(nnx.state(model_a))
    np.savez(CHECKPOINT, **traverse_util.flatten_dict(pure, sep="/"))

    model_b = Regressor(d_in, d_out, rngs=nnx.Rngs(int(seed_b)))
    loss_fresh = eval_loss(model_b, x, y)

    with np.load(CHECKPOINT) as data:
        loaded = traverse_util.unflatten_dict({k: jnp.asarray(data[k]) for k in data.files}, sep="/")
    state = nnx.state(model_b)
    nnx.replace_by_pure_dict(state, loaded)  # edits `state` in place, not the model
    nnx.update(model_b, state)
    loss_restored = eval_loss(model_b, x, y)

    train(model_b, x, y, lr, int(steps_after))
    loss_final = eval_loss(model_b, x, y)
    return jnp.array([loss_saved, loss_fresh, loss_restored, loss_final])
