import jax
import jax.numpy as jnp
import optax
from flax import nnx


class TwoPart(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        # TODO: self.backbone = Linear(d_in -> hidden), then self.head = Linear(hidden -> d_out)
        pass

    def __call__(self, x):
        # TODO: head(relu(backbone(x)))
        return x


def finetune_head(seed, x, y, hidden, lr, num_steps):
    """Train only model.head with AdamW; return each step's [loss, global norm of the head gradients]."""
    # TODO: build the model with nnx.Rngs(int(seed)) and a filter that selects the head's parameters
    # TODO: nnx.Optimizer(model, optax.adamw(lr, weight_decay=0.1), wrt=<that filter>)
    # TODO: nnx.value_and_grad(loss_fn, argnums=nnx.DiffState(0, <that filter>))
    # TODO: each step: loss and grads, optimizer.update(model, grads), record [loss, optax.tree.norm(grads)]
    return jnp.zeros((int(num_steps), 2))
