"""Reference: K stacked members built with split_rngs + nnx.vmap, trained together, run with nnx.vmap."""

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


@nnx.vmap(in_axes=(0, None), out_axes=0)
def forward(member, x):
    """Every member sees the same x; the results stack along a new leading axis."""
    return member(x)


def ensemble_loss(ensemble, x, y):
    preds = forward(ensemble, x)  # (K, N, D_out)
    per_member = jnp.mean((preds - y) ** 2, axis=(1, 2))  # (K,)
    return jnp.sum(per_member)  # a sum keeps each member's gradient its own


def ensemble_predictions(seed, x, y, num_members, lr, num_steps):
    """Build, train and run an ensemble of int(num_members) MLPs; return each member's predictions."""
    d_in, d_out = x.shape[-1], y.shape[-1]

    @nnx.split_rngs(splits=int(num_members))
    @nnx.vmap(in_axes=(0,), out_axes=0)
    def create_ensemble(rngs):
        return Member(d_in, d_out, rngs=rngs)

    ensemble = create_ensemble(nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(ensemble, optax.sgd(lr), wrt=nnx.Param)

    for _ in range(int(num_steps)):
        _, grads = nnx.value_and_grad(ensemble_loss)(ensemble, x, y)
        optimizer.update(ensemble, grads)

    return forward(ensemble, x)
