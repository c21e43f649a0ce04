# expect: accepted
"""Style: the head is the differentiated argument (argnums=0) and the backbone a second,
undifferentiated one; optimizer on model.head; @nnx.jit step.
"""

import jax.numpy as jnp
import optax
from flax import nnx


class TwoPart(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.backbone = nnx.Linear(d_in, hidden, rngs=rngs)
        self.head = nnx.Linear(hidden, d_out, rngs=rngs)


def loss_fn(head, backbone, x, y):
    pred = head(nnx.relu(backbone(x)))
    return jnp.mean(jnp.square(pred - y))


@nnx.jit
def train_step(head, backbone, optimizer, x, y):
    loss, grads = nnx.value_and_grad(loss_fn)(head, backbone, x, y)
    optimizer.update(head, grads)
    return loss, optax.tree.norm(grads)


def finetune_head(seed, x, y, hidden, lr, num_steps):
    model = TwoPart(x.shape[1], int(hidden), y.shape[1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model.head, optax.adamw(learning_rate=lr, weight_decay=0.1), wrt=nnx.Param)
    log = []
    for _ in range(int(num_steps)):
        loss, norm = train_step(model.head, model.backbone, optimizer, x, y)
        log.append([loss, norm])
    return jnp.array(log)
