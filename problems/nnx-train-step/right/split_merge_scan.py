# expect: accepted
"""Style: functional API (nnx.split / nnx.merge), jax.value_and_grad and optax, with jax.lax.scan over the steps."""

import jax
import jax.numpy as jnp
import optax
from flax import nnx


def train_step_loss(seed, x, y, lr, num_steps):
    """Scan a pure (params, opt_state) -> (params, opt_state) step; return [first loss, last loss]."""
    graphdef, params = nnx.split(nnx.Linear(x.shape[-1], y.shape[-1], rngs=nnx.Rngs(int(seed))), nnx.Param)
    tx = optax.sgd(lr)
    opt_state = tx.init(params)

    def loss_of(params):
        model = nnx.merge(graphdef, params)
        return jnp.mean((model(x) - y) ** 2)

    def step(carry, _):
        params, opt_state = carry
        loss, grads = jax.value_and_grad(loss_of)(params)  # measured before this step's update
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return (params, opt_state), loss

    _, losses = jax.lax.scan(step, (params, opt_state), None, length=int(num_steps))
    return jnp.array([losses[0], losses[-1]])
