# expect: accepted
"""Style: an @nnx.jit train step that receives the model and the optimizer as arguments."""

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
        h = self.bn(self.linear1(x), use_running_average=use_running_average)
        return self.linear2(jax.nn.relu(h))


@nnx.jit
def train_step(model, optimizer, xb, yb):
    def loss_fn(model):
        return jnp.mean((model(xb, use_running_average=False) - yb) ** 2)

    # The BatchStat updates made by the forward pass leave nnx.jit together with the new Params.
    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def predict(model, x):
    return model(x, use_running_average=True)


def train_with_bn(seed, x_batches_flat, y_batches_flat, batch_size, lr, num_steps):
    """Jitted steps over cycling mini-batches; return the mean inference-mode prediction."""
    n = x_batches_flat.shape[0]
    bs = int(batch_size)
    num_batches = n // bs
    model = Net(x_batches_flat.shape[1], y_batches_flat.shape[1], nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)

    for step in range(int(num_steps)):
        i = step % num_batches
        train_step(model, optimizer, x_batches_flat[i * bs : (i + 1) * bs], y_batches_flat[i * bs : (i + 1) * bs])

    return jnp.mean(predict(model, x_batches_flat)).reshape(1)
