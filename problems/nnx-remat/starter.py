import jax
import jax.numpy as jnp
import optax
from flax import nnx


class Block(nnx.Module):
    def __init__(self, width, *, rngs):
        # TODO: self.up = Linear(width -> 4 * width), self.drop = Dropout(0.2), self.down = Linear(4 * width -> width)
        pass

    def __call__(self, x):
        # TODO: x + down(drop(relu(up(x))))
        return x


class Tower(nnx.Module):
    def __init__(self, width, d_out, num_blocks, *, rngs):
        # TODO: num_blocks Blocks in an nnx.List, then the head Linear(width -> d_out)
        pass

    def __call__(self, x):
        # TODO: run every block through nnx.remat (pass the block as an argument), then the head
        return x


def remat_train(seed, dropout_seed, x, y, num_blocks, lr, num_steps):
    """Train the tower with SGD; return the loss of every step, shape (num_steps,)."""
    # TODO: nnx.Rngs(params=int(seed), dropout=int(dropout_seed)), the Tower, an SGD nnx.Optimizer
    # TODO: int(num_steps) steps of nnx.value_and_grad + optimizer.update, keeping every loss
    return jnp.zeros((int(num_steps),))
