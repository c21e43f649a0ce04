# expect: accepted
"""Style: functional API (nnx.split / nnx.merge), jax.value_and_grad, linear maths by hand, SGD by jax.tree.map."""

import jax
import jax.numpy as jnp
from flax import nnx


def optimizer_one_step(seed, x, y, lr):
    """Differentiate the parameter State directly and step it by hand; return [loss_before, loss_after]."""
    layer = nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed)))
    graphdef, params = nnx.split(layer, nnx.Param)

    def loss_of(params):
        # y_hat = x @ W + b, read straight from the parameter State.
        pred = x @ params["kernel"][...] + params["bias"][...]
        return jnp.mean(jnp.square(pred - y))

    loss_before, grads = jax.value_and_grad(loss_of)(params)
    new_params = jax.tree.map(lambda p, g: p - lr * g, params, grads)

    # Rebuild a module from the stepped parameters and evaluate it the usual way.
    stepped = nnx.merge(graphdef, new_params)
    loss_after = jnp.mean(jnp.square(stepped(x) - y))
    return jnp.array([loss_before, loss_after])
