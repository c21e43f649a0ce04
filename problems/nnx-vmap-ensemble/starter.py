import jax
import jax.numpy as jnp
import optax
from flax import nnx


class Member(nnx.Module):
    """Linear(d_in, 8) -> relu -> Linear(8, d_out)."""

    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 8, rngs=rngs)
        self.out = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def ensemble_predictions(seed, x, y, num_members, lr, num_steps):
    """Build, train and run an ensemble of int(num_members) MLPs; return each member's predictions."""
    k = int(num_members)
    # TODO: build all k members at once: a create(rngs) function under
    #       nnx.split_rngs(splits=k) and nnx.vmap(in_axes=(0,), out_axes=0),
    #       called with nnx.Rngs(int(seed))
    # TODO: a forward pass with nnx.vmap(in_axes=(0, None), out_axes=0) -> (k, N, D_out)
    # TODO: loss = sum over members of each member's MSE; one nnx.Optimizer with
    #       optax.sgd(lr) and wrt=nnx.Param; int(num_steps) steps
    # TODO: return the trained members' predictions on x
    return jnp.zeros((k, x.shape[0], y.shape[-1]))
