import jax
import jax.numpy as jnp
import optax
from flax import nnx


class MLP(nnx.Module):
    """Linear(d_in, 16) -> relu -> Linear(16, d_out)."""

    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 16, rngs=rngs)
        self.out = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def jit_train_losses(seed, x, y, batch_size, lr, num_steps):
    """Train the MLP with momentum SGD over cycling mini-batches and return every step's loss."""
    # TODO: build MLP(D_in, D_out, rngs=nnx.Rngs(int(seed))) and one nnx.Optimizer
    #       with optax.sgd(lr, momentum=0.9) and wrt=nnx.Param
    # TODO: write an @nnx.jit train step (model, optimizer, x_batch, y_batch) that
    #       returns the MSE loss from nnx.value_and_grad and calls optimizer.update
    # TODO: run int(num_steps) steps; step t uses batch t % num_batches, sliced
    #       outside the jitted function (the final batch may be shorter)
    # TODO: return the losses as a 1-D array of length int(num_steps)
    return jnp.zeros((int(num_steps),))
