"""Staged comparison: type, shape, dtype, values, NaN handling and encoding round trips."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from checker.compare import compare
from checker.protocol import MAX_OUTPUT_ELEMENTS, decode_output, encode_output

EXPECTED = np.array([1.0, 2.0])


def test_matching_array_passes_and_reports_error() -> None:
    result = compare(encode_output(np.array([1.0, 2.0 + 1e-7], np.float32)), EXPECTED, 1e-4, 1e-5)
    assert result.ok
    assert result.max_abs_error == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "expected a float array of shape (2,), got NoneType"),
        ("accepted", "expected a float array of shape (2,), got str"),
        ({"a": 1}, "expected a float array of shape (2,), got dict"),
        ((i for i in range(2)), "got generator"),
        (np.zeros(3, np.float32), "expected shape (2,), got shape (3,)"),
        (np.zeros((2, 1), np.float32), "expected shape (2,), got shape (2, 1)"),
        (np.array([1, 2], np.int32), "expected a floating-point dtype, got int32"),
        (np.array([1.0, 2.5], np.float32), "expected 2 at index 1, got 2.5"),
        (np.array([1.0, np.nan], np.float32), "expected 2 at index 1, got nan"),
        (np.array([np.inf, 2.0], np.float32), "expected 1 at index 0, got inf"),
    ],
)
def test_rejections_say_what_was_expected(value: object, message: str) -> None:
    result = compare(encode_output(value), EXPECTED, 1e-4, 1e-5)
    assert not result.ok
    assert message in result.message


def test_object_whose_array_conversion_raises_is_not_an_array() -> None:
    class Liar:
        def __array__(self, *args: object, **kwargs: object) -> np.ndarray:
            raise RuntimeError("no")

    encoded = encode_output(Liar())
    assert encoded["kind"] == "not_array"
    assert "RuntimeError" in encoded["reason"]


def test_huge_output_is_described_by_shape_only() -> None:
    encoded = encode_output(np.zeros(MAX_OUTPUT_ELEMENTS + 1, np.float32))
    assert "data" not in encoded
    assert not compare(encoded, EXPECTED, 1e-4, 1e-5).ok


def test_python_list_of_floats_is_array_like() -> None:
    assert compare(encode_output([1.0, 2.0]), EXPECTED, 1e-4, 1e-5).ok


@settings(max_examples=200, deadline=None)
@given(hnp.arrays(np.float32, hnp.array_shapes(max_dims=3, max_side=4)))
def test_encode_decode_round_trip(array: np.ndarray) -> None:
    decoded = decode_output(encode_output(array))
    assert decoded.shape == array.shape
    np.testing.assert_array_equal(decoded.astype(np.float32), array)


@settings(max_examples=200, deadline=None)
@given(
    hnp.arrays(np.float64, st.integers(1, 5), elements=st.floats(-1e6, 1e6)),
    st.floats(0, 1e-2),
)
def test_compare_agrees_with_allclose(expected: np.ndarray, noise: float) -> None:
    got = expected + noise
    result = compare(encode_output(got), expected, 1e-4, 1e-5)
    assert result.ok == bool(np.allclose(got, expected, rtol=1e-4, atol=1e-5))


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.floats() | st.text(max_size=5), lambda c: st.lists(c, max_size=3)))
def test_compare_never_crashes_on_arbitrary_returns(value: object) -> None:
    result = compare(encode_output(value), EXPECTED, 1e-4, 1e-5)
    assert isinstance(result.ok, bool)
    assert result.message
