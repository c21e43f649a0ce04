import jax
import jax.numpy as jnp
import optax
from flax import nnx


def stream_statistics(seed, x_flat, y_flat, batch_size, lr, num_steps):
    """Return [mean, standard deviation, standard error of the mean] of the trained model's squared errors."""
    # TODO: build nnx.Linear and an nnx.Optimizer with optax.sgd(lr) and wrt=nnx.Param.
    # TODO: take int(num_steps) full-batch MSE steps with nnx.value_and_grad.
    # TODO: create nnx.metrics.Welford() and feed it the squared errors of each batch
    #       (rows start:start + batch_size; the final batch may be shorter).
    # TODO: read mean, standard_deviation and standard_error_of_mean from compute().
    return jnp.zeros((3,))
