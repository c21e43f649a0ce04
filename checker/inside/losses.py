"""Record every loss computed through `nnx.value_and_grad` or `jax.value_and_grad`.

`install()` wraps both transforms once per process. Eager values are recorded directly;
traced values (under `jax.jit` / `nnx.jit`) are recorded by a `jax.debug.callback`, so a
jitted training step reports its loss each time it runs. Nested calls (nnx's transform
calls jax's) are recorded once.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

MAX_LOSSES = 10_000

_state = threading.local()
_installed = False


def _buffer() -> list[float] | None:
    return getattr(_state, "buffer", None)


def _append(value: Any) -> None:
    buffer = _buffer()
    if buffer is None or len(buffer) >= MAX_LOSSES:
        return
    try:
        import numpy as np

        array = np.asarray(value, dtype=np.float64)
        if array.size == 1:
            buffer.append(float(array.reshape(())))
    except Exception:  # a loss we cannot read is simply not drawn
        pass


def _record(loss: Any) -> None:
    import jax

    if isinstance(loss, jax.core.Tracer):
        if getattr(loss, "size", 0) == 1:
            jax.debug.callback(_append, loss)
    else:
        _append(loss)


def _wrap(transform: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(transform)

    @functools.wraps(transform)
    def wrapped_transform(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            return transform(*args, **kwargs)
        fun = bound.arguments.get("f", bound.arguments.get("fun"))
        if fun is None or not callable(fun):  # decorator form: value_and_grad(has_aux=True)(f)
            return functools.partial(wrapped_transform, **kwargs)
        has_aux = bool(bound.arguments.get("has_aux", False))
        value_and_grad_fn = transform(*args, **kwargs)

        @functools.wraps(value_and_grad_fn)
        def recorded(*call_args: Any, **call_kwargs: Any) -> Any:
            depth = getattr(_state, "depth", 0)
            _state.depth = depth + 1
            try:
                out = value_and_grad_fn(*call_args, **call_kwargs)
            finally:
                _state.depth = depth
            if depth == 0:
                try:
                    value = out[0]
                    _record(value[0] if has_aux else value)
                except Exception:
                    pass
            return out

        return recorded

    wrapped_transform.__wrapped_by_nnx_dojo__ = True
    return wrapped_transform


def install() -> None:
    """Wrap `jax.value_and_grad` and `flax.nnx.value_and_grad` (idempotent)."""
    global _installed
    if _installed:
        return
    import jax
    from flax import nnx
    from flax.nnx.transforms import autodiff

    jax.value_and_grad = _wrap(jax.value_and_grad)
    wrapped_nnx = _wrap(nnx.value_and_grad)
    nnx.value_and_grad = wrapped_nnx
    if getattr(autodiff, "value_and_grad", None) is not None:
        autodiff.value_and_grad = wrapped_nnx
    _installed = True


@contextmanager
def recording() -> Iterator[list[float]]:
    """Collect the losses computed inside the block into the yielded list."""
    import jax

    buffer: list[float] = []
    _state.buffer = buffer
    _state.depth = 0
    try:
        yield buffer
    finally:
        with suppress(Exception):
            jax.effects_barrier()
        _state.buffer = None
