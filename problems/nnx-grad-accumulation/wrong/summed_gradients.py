# expect: wrong_answer
"""Accumulates gradients by hand and adds them up without dividing by k, so each real step is k times too large."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def accumulate_gradients(seed, x, y, micro_batch, k, lr, num_micro_steps):
    mb, steps = int(micro_batch), int(num_micro_steps)
    k_int = int(k)
    num_micro_batches = x.shape[0] // mb
    d_in, d_out = x.shape[1], y.shape[1]

    accum_model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    big_model = nnx.Linear(d_in, d_out, rngs=nnx.Rngs(int(seed)))
    accum_opt = nnx.Optimizer(accum_model, optax.sgd(lr), wrt=nnx.Param)
    big_opt = nnx.Optimizer(big_model, optax.sgd(lr), wrt=nnx.Param)

    accum_losses, big_losses = [], []
    acc = None
    for i in range(steps):
        start = (i % num_micro_batches) * mb
        _, grads = nnx.value_and_grad(mse)(accum_model, x[start : start + mb], y[start : start + mb])
        acc = grads if acc is None else jax.tree.map(jnp.add, acc, grads)
        if (i + 1) % k_int == 0:
            accum_opt.update(accum_model, acc)
            acc = None
        if (i + 1) % k_int == 0:
            big_start = ((i + 1 - k_int) % num_micro_batches) * mb
            xb, yb = x[big_start : big_start + k_int * mb], y[big_start : big_start + k_int * mb]
            _, big_grads = nnx.value_and_grad(mse)(big_model, xb, yb)
            big_opt.update(big_model, big_grads)

        accum_losses.append(mse(accum_model, x, y))
        big_losses.append(mse(big_model, x, y))
    return jnp.stack([jnp.stack(accum_losses), jnp.stack(big_losses)])
