# expect: accepted
"""Style: functional API (nnx.split / nnx.merge) with jax.value_and_grad(has_aux=True), optax and jax.lax.fori_loop."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class Net(nnx.Module):
    def __init__(self, d_in, d_out, rngs):
        self.linear1 = nnx.Linear(d_in, 8, rngs=rngs)
        self.bn = nnx.BatchNorm(8, rngs=rngs)
        self.linear2 = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x, use_running_average):
        h = self.linear1(x)
        h = self.bn(h, use_running_average=use_running_average)
        h = jax.nn.relu(h)
        return self.linear2(h)


def train_with_bn(seed, x_batches_flat, y_batches_flat, batch_size, lr, num_steps):
    """Thread (params, batch_stats, opt_state) through a fori_loop by hand; return the mean inference prediction."""
    n, d_in = x_batches_flat.shape
    bs = int(batch_size)
    num_batches = n // bs
    graphdef, params, batch_stats = nnx.split(
        Net(d_in, y_batches_flat.shape[1], nnx.Rngs(int(seed))), nnx.Param, nnx.BatchStat
    )
    tx = optax.sgd(lr)
    opt_state = tx.init(params)

    def loss_of(params, batch_stats, xb, yb):
        # copy=True builds fresh Variables at this trace level, so the forward pass may update them.
        model = nnx.merge(graphdef, params, batch_stats, copy=True)
        pred = model(xb, use_running_average=False)
        # The forward pass moved the running averages: hand them back as auxiliary output.
        return jnp.mean((pred - yb) ** 2), nnx.state(model, nnx.BatchStat)

    def body(step, carry):
        params, batch_stats, opt_state = carry
        start = (step % num_batches) * bs
        xb = jax.lax.dynamic_slice_in_dim(x_batches_flat, start, bs)
        yb = jax.lax.dynamic_slice_in_dim(y_batches_flat, start, bs)
        (_, batch_stats), grads = jax.value_and_grad(loss_of, has_aux=True)(params, batch_stats, xb, yb)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), batch_stats, opt_state

    params, batch_stats, _ = jax.lax.fori_loop(0, int(num_steps), body, (params, batch_stats, opt_state))

    model = nnx.merge(graphdef, params, batch_stats)
    pred = model(x_batches_flat, use_running_average=True)
    return jnp.array([jnp.mean(pred)])
