"""Checks on a distributed task queue (Celery with Redis): the app's client side and the worker hosts.

Nothing here is imported unless NNX_DOJO_QUEUE_URL is set or `python -m checker worker` runs, so
the laptop install needs neither celery nor redis.
"""
