# expect: accepted
"""A mask function that decays every leaf with two dimensions, nnx.Sequential layers and an @nnx.jit train step."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        return jnp.mean(jnp.square(model(x) - y))

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


def adamw_masked(seed, x, y, lr, weight_decay, num_steps):
    rngs = nnx.Rngs(int(seed))
    model = nnx.Sequential(
        nnx.Linear(x.shape[1], 8, rngs=rngs),
        nnx.LayerNorm(8, rngs=rngs),
        nnx.relu,
        nnx.Linear(8, y.shape[1], rngs=rngs),
    )
    # Kernels are the only 2-D parameters; biases and LayerNorm scale/bias are 1-D.
    tx = optax.adamw(lr, weight_decay=weight_decay, mask=lambda params: jax.tree.map(lambda p: p.ndim == 2, params))
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)
    for _ in range(int(num_steps)):
        train_step(model, optimizer, x, y)

    first, norm, _, last = model.layers
    leaves = [first.kernel, first.bias, norm.scale, norm.bias, last.kernel, last.bias]
    loss = jnp.mean(jnp.square(model(x) - y))
    return jnp.array([loss, *[jnp.vdot(v[...], v[...]) for v in leaves]])
