"""Starter for nnx-model-surgery."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


class Net(nnx.Module):
    """A two-layer tanh backbone (16 features) followed by a linear head. Use it as it is."""

    def __init__(self, d_in, d_out, *, rngs):
        self.backbone = nnx.Sequential(
            nnx.Linear(d_in, 16, rngs=rngs),
            nnx.tanh,
            nnx.Linear(16, 16, rngs=rngs),
            nnx.tanh,
        )
        self.head = nnx.Linear(16, d_out, rngs=rngs)

    def __call__(self, x):
        return self.head(self.backbone(x))


def finetune_head(seed, x, y_old, y_new, lr, pre_steps, num_steps):
    """Return [loss on y_new after the swap, loss after fine-tuning, backbone change, head change]."""
    # TODO: build Net(D_in, y_old.shape[-1]) with nnx.Rngs(int(seed)); pretrain all of it with
    #       optax.adam(lr) (wrt=nnx.Param) for int(pre_steps) MSE steps on (x, y_old)
    # TODO: replace model.head by nnx.Linear(16, y_new.shape[-1], rngs=nnx.Rngs(int(seed) + 1))
    # TODO: snapshot the backbone and head values (a real copy!) and measure the MSE on y_new
    # TODO: a new nnx.Optimizer with optax.adam(lr) that owns only the head's Params:
    #       wrt=nnx.All(nnx.Param, nnx.PathContains("head")); train int(num_steps) steps on (x, y_new)
    # TODO: measure the MSE again and the largest absolute change of each part
    return jnp.zeros((4,))
