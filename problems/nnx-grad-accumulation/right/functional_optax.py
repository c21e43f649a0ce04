# expect: accepted
"""Functional: nnx.split, jax.grad, optax.MultiSteps driven by hand; the big model runs in its own loop."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


def accumulate_gradients(seed, x, y, micro_batch, k, lr, num_micro_steps):
    mb, k, total = int(micro_batch), int(k), int(num_micro_steps)
    m = x.shape[0] // mb
    graphdef, params = nnx.split(nnx.Linear(x.shape[1], y.shape[1], rngs=nnx.Rngs(int(seed))))

    def loss(p, xb, yb):
        return jnp.mean((nnx.merge(graphdef, p)(xb) - yb) ** 2)

    # Accumulating model: MultiSteps state threaded through the loop by hand.
    tx = optax.MultiSteps(optax.sgd(lr), every_k_schedule=k)
    p_acc, state = params, tx.init(params)
    row0 = []
    for i in range(total):
        s = (i % m) * mb
        updates, state = tx.update(jax.grad(loss)(p_acc, x[s : s + mb], y[s : s + mb]), state, p_acc)
        p_acc = optax.apply_updates(p_acc, updates)
        row0.append(loss(p_acc, x, y))

    # Big-batch model: after micro-step i it has taken (i + 1) // k plain SGD steps.
    p_big = params
    big_losses = [loss(p_big, x, y)]
    for step in range(total // k):
        s = (step * k % m) * mb
        g = jax.grad(loss)(p_big, x[s : s + k * mb], y[s : s + k * mb])
        p_big = jax.tree.map(lambda p, g: p - lr * g, p_big, g)
        big_losses.append(loss(p_big, x, y))
    row1 = [big_losses[(i + 1) // k] for i in range(total)]
    return jnp.array([row0, row1])
