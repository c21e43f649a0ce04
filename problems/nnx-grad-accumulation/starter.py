import jax
import jax.numpy as jnp
import optax
from flax import nnx


def accumulate_gradients(seed, x, y, micro_batch, k, lr, num_micro_steps):
    """Return a (2, num_micro_steps) array: full-data loss of the accumulating model and of the big-batch model."""
    # TODO: two nnx.Linear models, each with its own nnx.Rngs(int(seed))
    # TODO: accumulating optimizer: optax.MultiSteps(optax.sgd(lr), every_k_schedule=int(k)); big one: optax.sgd(lr)
    # TODO: per micro-step: update the accumulating model on micro-batch i % M;
    #       every k-th micro-step, one big-batch step on the k micro-batches just seen
    # TODO: after each micro-step, record both models' MSE on all of (x, y)
    return jnp.zeros((2, int(num_micro_steps)))
