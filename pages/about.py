"""About: library versions and how learner code is isolated."""

from __future__ import annotations

import importlib.metadata
import platform

import streamlit as st

from checker import service
from dojo import session

session.require_navigation()

st.title("About NNX Dojo")
st.markdown(
    "NNX Dojo is a place to practise **Flax NNX**, the object-oriented neural-network API of JAX, by writing "
    "small functions and having them checked against a reference solution on seeded inputs."
)

st.markdown("##### Versions")
rows = [{"package": "python", "version": platform.python_version()}]
for name in ("jax", "jaxlib", "flax", "optax", "numpy", "streamlit", "streamlit-ace", "altair"):
    try:
        rows.append({"package": name, "version": importlib.metadata.version(name)})
    except importlib.metadata.PackageNotFoundError:
        rows.append({"package": name, "version": "not installed"})
st.dataframe(rows, hide_index=True, width=400)

st.markdown("##### How your code is run")
for line in service.isolation_report():
    st.markdown(f"- {line}")
