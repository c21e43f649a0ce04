# expect: wrong_answer
"""Wrong: the loop runs num_steps + 1 times."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class BNRegressor(nnx.Module):
    def __init__(self, n_in, n_out, *, width, rngs):
        self.linear1 = nnx.Linear(n_in, width, rngs=rngs)
        self.bn = nnx.BatchNorm(width, rngs=rngs)
        self.linear2 = nnx.Linear(width, n_out, rngs=rngs)

    def __call__(self, x, use_running_average):
        h = self.linear1(x)
        h = self.bn(h, use_running_average=use_running_average)
        h = jax.nn.relu(h)
        return self.linear2(h)


def mse_loss(model, xb, yb):
    # Training mode: normalise with this batch's statistics and update the running averages.
    pred = model(xb, use_running_average=False)
    return jnp.mean((pred - yb) ** 2)


def train_with_bn(seed, x_batches_flat, y_batches_flat, batch_size, lr, num_steps):
    """Train with batch statistics, then return the mean prediction in inference mode."""
    bs = int(batch_size)
    num_batches = x_batches_flat.shape[0] // bs
    model = BNRegressor(x_batches_flat.shape[1], y_batches_flat.shape[1], width=8, rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, tx=optax.sgd(lr), wrt=nnx.Param)

    for step in range(int(num_steps) + 1):
        start = (step % num_batches) * bs
        xb = x_batches_flat[start : start + bs]
        yb = y_batches_flat[start : start + bs]
        loss, grads = nnx.value_and_grad(mse_loss)(model, xb, yb)
        optimizer.update(model, grads)

    # Inference mode: normalise with the running statistics gathered during training.
    pred_eval = model(x_batches_flat, use_running_average=True)
    return jnp.array([jnp.mean(pred_eval)])
