# expect: accepted
"""Functional style: nnx.split into params and batch stats, jax.value_and_grad with the new stats as aux,
plain optax updates, and a pickle file for the checkpoint."""

import pickle

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx


class Regressor(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.linear1 = nnx.Linear(d_in, 8, rngs=rngs)
        self.bn = nnx.BatchNorm(8, momentum=0.9, rngs=rngs)
        self.linear2 = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x, use_running_average):
        return self.linear2(jax.nn.relu(self.bn(self.linear1(x), use_running_average=use_running_average)))


def mse(pred, y):
    return jnp.mean(jnp.square(pred - y))


def train_functional(model, x, y, lr, steps):
    graphdef, params, stats = nnx.split(model, nnx.Param, nnx.BatchStat)
    tx = optax.sgd(lr)
    opt_state = tx.init(params)

    def loss_fn(params, stats):
        m = nnx.merge(graphdef, params, stats, copy=True)  # fresh Variables inside the trace
        loss = mse(m(x, use_running_average=False), y)
        return loss, nnx.state(m, nnx.BatchStat)

    for _ in range(steps):
        (_, stats), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, stats)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
    nnx.update(model, params, stats)


def save_restore(seed_a, seed_b, x, y, lr, steps_before, steps_after):
    d_in, d_out = x.shape[-1], y.shape[-1]

    model_a = Regressor(d_in, d_out, rngs=nnx.Rngs(int(seed_a)))
    train_functional(model_a, x, y, lr, int(steps_before))
    out = [mse(model_a(x, use_running_average=True), y)]

    pure = jax.tree.map(np.asarray, nnx.to_pure_dict(nnx.state(model_a)))
    with open("model_a.pkl", "wb") as fh:
        pickle.dump(pure, fh)

    model_b = Regressor(d_in, d_out, rngs=nnx.Rngs(int(seed_b)))
    out.append(mse(model_b(x, use_running_average=True), y))

    with open("model_a.pkl", "rb") as fh:
        loaded = pickle.load(fh)
    state = nnx.state(model_b)
    nnx.replace_by_pure_dict(state, loaded)
    nnx.update(model_b, state)
    out.append(mse(model_b(x, use_running_average=True), y))

    train_functional(model_b, x, y, lr, int(steps_after))
    out.append(mse(model_b(x, use_running_average=True), y))
    return jnp.array(out)
