# expect: accepted
"""Style: an @nnx.jit train step (model and optimizer as arguments) and Welford's batch merge written out by hand."""

import jax.numpy as jnp
import optax
from flax import nnx


@nnx.jit
def train_step(model, optimizer, x, y):
    def mse(model):
        return jnp.mean(jnp.square(model(x) - y))

    loss, grads = nnx.value_and_grad(mse)(model)
    optimizer.update(model, grads)
    return loss


def stream_statistics(seed, x_flat, y_flat, batch_size, lr, num_steps):
    """Train with jitted steps, then merge each batch's (count, mean, m2) by hand; return [mean, std, sem]."""
    n = x_flat.shape[0]
    bs = int(batch_size)
    model = nnx.Linear(x_flat.shape[1], y_flat.shape[1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    for _ in range(int(num_steps)):
        train_step(model, optimizer, x_flat, y_flat)

    count, mean, m2 = 0.0, jnp.float32(0.0), jnp.float32(0.0)
    for start in range(0, n, bs):
        values = jnp.ravel((model(x_flat[start : start + bs]) - y_flat[start : start + bs]) ** 2)
        b_count = float(values.size)
        b_mean = jnp.mean(values)
        b_m2 = jnp.sum((values - b_mean) ** 2)
        # Chan et al.: combine two groups' counts, means and sums of squared deviations.
        total = count + b_count
        delta = b_mean - mean
        mean = mean + delta * (b_count / total)
        m2 = m2 + b_m2 + delta**2 * (count * b_count / total)
        count = total

    std = jnp.sqrt(m2 / count)  # population: divide by the count, no n - 1
    return jnp.array([mean, std, std / jnp.sqrt(count)])
