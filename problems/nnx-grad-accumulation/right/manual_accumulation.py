# expect: accepted
"""Hand-rolled accumulation: sum the micro-batch gradients, divide by k, then step a plain SGD optimizer."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


def loss_fn(model, xb, yb):
    return jnp.mean(jnp.square(model(xb) - yb))


def accumulate_gradients(seed, x, y, micro_batch, k, lr, num_micro_steps):
    mb, k, total = int(micro_batch), int(k), int(num_micro_steps)
    m = x.shape[0] // mb
    model_a = nnx.Linear(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    model_b = nnx.Linear(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed)))
    opt_a = nnx.Optimizer(model_a, optax.sgd(lr), wrt=nnx.Param)
    opt_b = nnx.Optimizer(model_b, optax.sgd(lr), wrt=nnx.Param)
    grad_fn = nnx.grad(loss_fn)

    history = []
    pending = []
    for i in range(total):
        j = i % m
        pending.append(grad_fn(model_a, x[j * mb : (j + 1) * mb], y[j * mb : (j + 1) * mb]))
        if len(pending) == k:
            mean_grads = jax.tree.map(lambda *gs: sum(gs) / k, *pending)
            opt_a.update(model_a, mean_grads)
            pending = []
            window = [(i - k + 1 + r) % m for r in range(k)]  # the k micro-batch indices just used
            xb = jnp.concatenate([x[w * mb : (w + 1) * mb] for w in window])
            yb = jnp.concatenate([y[w * mb : (w + 1) * mb] for w in window])
            opt_b.update(model_b, grad_fn(model_b, xb, yb))
        history.append([loss_fn(model_a, x, y), loss_fn(model_b, x, y)])
    return jnp.array(history).T
