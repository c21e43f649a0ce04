"""NNX Dojo app library: storage, profiles, charts and shared page widgets."""
