# expect: accepted
"""Style: nnx.split with a callable path filter, jax.value_and_grad over the head's state only, AdamW
applied by hand.
"""

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx


class TwoPart(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.backbone = nnx.Linear(d_in, hidden, rngs=rngs)
        self.head = nnx.Linear(hidden, d_out, rngs=rngs)

    def __call__(self, x):
        h = jnp.maximum(self.backbone(x), 0.0)
        return self.head(h)


def in_head(path, value):
    return len(path) > 0 and path[0] == "head"


def finetune_head(seed, x, y, hidden, lr, num_steps):
    model = TwoPart(x.shape[-1], int(hidden), y.shape[-1], rngs=nnx.Rngs(int(seed)))
    graphdef, head_state, rest = nnx.split(model, in_head, ...)
    tx = optax.adamw(lr, weight_decay=0.1)
    opt_state = tx.init(head_state)

    def loss_fn(head_state):
        pred = nnx.merge(graphdef, head_state, rest)(x)
        return ((pred - y) ** 2).mean()

    out = []
    for _ in range(int(num_steps)):
        loss, grads = jax.value_and_grad(loss_fn)(head_state)
        leaves = jax.tree.leaves(grads)
        norm = np.sqrt(sum(float(jnp.sum(g.astype(jnp.float32) ** 2)) for g in leaves))
        updates, opt_state = tx.update(grads, opt_state, head_state)
        head_state = optax.apply_updates(head_state, updates)
        out.append((float(loss), norm))
    return np.array(out, dtype=np.float32)
