# expect: wrong_answer
"""Creates the output layer before the hidden layer, so each layer draws the other's key."""

from flax import nnx


class MLP(nnx.Module):
    def __init__(self, d_in, hidden, d_out, *, rngs):
        self.out = nnx.Linear(hidden, d_out, rngs=rngs)
        self.hidden = nnx.Linear(d_in, hidden, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def mlp_forward(seed, x, hidden, d_out):
    model = MLP(x.shape[-1], int(hidden), int(d_out), rngs=nnx.Rngs(int(seed)))
    return model(x)
