# expect: accepted
"""nnx.split_rngs used as a context manager around an nnx.vmap call, with an @nnx.jit train step."""

import optax
from flax import nnx


class Member(nnx.Module):
    def __init__(self, d_in, d_out, *, rngs):
        self.hidden = nnx.Linear(d_in, 8, rngs=rngs)
        self.out = nnx.Linear(8, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def ensemble_predictions(seed, x, y, num_members, lr, num_steps):
    rngs = nnx.Rngs(int(seed))
    make = nnx.vmap(lambda r: Member(x.shape[-1], y.shape[-1], rngs=r), in_axes=0, out_axes=0)
    with nnx.split_rngs(rngs, splits=int(num_members)):
        ensemble = make(rngs)

    run_all = nnx.vmap(lambda m, inputs: m(inputs), in_axes=(0, None), out_axes=0)
    optimizer = nnx.Optimizer(ensemble, optax.sgd(lr), wrt=nnx.Param)

    @nnx.jit
    def step(ensemble, optimizer):
        def total_loss(ensemble):
            per_member = ((run_all(ensemble, x) - y) ** 2).mean(axis=(-2, -1))
            return per_member.sum()

        loss, grads = nnx.value_and_grad(total_loss)(ensemble)
        optimizer.update(ensemble, grads)
        return loss

    for _ in range(int(num_steps)):
        step(ensemble, optimizer)
    return run_all(ensemble, x)
