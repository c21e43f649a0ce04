"""Loss capture: eager, jitted (jax.jit and nnx.jit), has_aux and decorator forms."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx

from checker.inside import losses

losses.install()


def _train(step_factory, steps: int = 4) -> tuple[list[float], list[float]]:
    model = nnx.Linear(3, 1, rngs=nnx.Rngs(0))
    optimizer = nnx.Optimizer(model, optax.sgd(0.1), wrt=nnx.Param)
    x = jnp.ones((5, 3))
    y = jnp.zeros((5, 1))
    step = step_factory()
    returned = []
    with losses.recording() as recorded:
        for _ in range(steps):
            returned.append(float(step(model, optimizer, x, y)))
    return returned, list(recorded)


def _loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def test_eager_nnx_value_and_grad_is_recorded_once_per_call() -> None:
    def factory():
        def step(model, optimizer, x, y):
            loss, grads = nnx.value_and_grad(_loss_fn)(model, x, y)
            optimizer.update(model, grads)
            return loss

        return step

    returned, recorded = _train(factory)
    assert len(recorded) == 4
    np.testing.assert_allclose(recorded, returned, rtol=1e-6)
    assert recorded[0] > recorded[-1]


def test_nnx_jit_step_is_recorded_every_run() -> None:
    def factory():
        @nnx.jit
        def step(model, optimizer, x, y):
            loss, grads = nnx.value_and_grad(_loss_fn)(model, x, y)
            optimizer.update(model, grads)
            return loss

        return step

    returned, recorded = _train(factory, steps=5)
    np.testing.assert_allclose(recorded, returned, rtol=1e-6)


def test_jax_value_and_grad_under_jax_jit_with_aux() -> None:
    def loss(w, x):
        value = jnp.sum((x @ w) ** 2)
        return value, {"w": w}

    step = jax.jit(jax.value_and_grad(loss, has_aux=True))
    w = jnp.ones((2,))
    with losses.recording() as recorded:
        for _ in range(3):
            (value, _), grad = step(w, jnp.eye(2))
            w = w - 0.1 * grad
    assert len(recorded) == 3
    assert recorded[0] == float(jnp.sum(jnp.ones(2) ** 2))


def test_decorator_form_with_keyword_arguments() -> None:
    @nnx.value_and_grad(has_aux=False)
    def vg(model, x, y):
        return _loss_fn(model, x, y)

    model = nnx.Linear(2, 1, rngs=nnx.Rngs(1))
    with losses.recording() as recorded:
        value, _ = vg(model, jnp.ones((3, 2)), jnp.zeros((3, 1)))
    assert recorded == [float(value)]


def test_nothing_is_recorded_outside_a_recording_block() -> None:
    value, _ = jax.value_and_grad(lambda w: jnp.sum(w**2))(jnp.ones(2))
    with losses.recording() as recorded:
        pass
    assert recorded == []
    assert float(value) == 2.0
