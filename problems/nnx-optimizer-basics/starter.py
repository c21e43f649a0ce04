import jax
import jax.numpy as jnp
import optax
from flax import nnx


def optimizer_one_step(seed, x, y, lr):
    """Take one SGD step on a linear model and return [loss_before, loss_after]."""
    # TODO: build an nnx.Linear mapping x's features to y's features, seeded with int(seed)
    # TODO: wrap it in nnx.Optimizer with optax.sgd(lr), tracking nnx.Param
    # TODO: define a mean-squared-error loss_fn(model, x, y)
    # TODO: get the loss and gradients with nnx.value_and_grad, then call optimizer.update
    # TODO: evaluate the loss again on the updated model
    return jnp.zeros((2,))
