import jax
import jax.numpy as jnp
import optax
from flax import nnx


def clipped_schedule(seed, x, y, peak_lr, warmup_steps, num_steps, max_norm):
    """Return a (3, num_steps) array: each step's loss, learning rate and unclipped gradient norm."""
    # TODO: build nnx.Linear(x.shape[1], y.shape[1]) with nnx.Rngs(int(seed))
    # TODO: schedule = optax.warmup_cosine_decay_schedule(0.0, peak_lr, int(warmup_steps), int(num_steps), 0.0)
    # TODO: tx = optax.chain(clip by global norm, then optax.sgd with the schedule); wrap it in nnx.Optimizer
    # TODO: for each step record the loss, schedule(k) and optax.tree.norm(grads), then update
    return jnp.zeros((3, int(num_steps)))
