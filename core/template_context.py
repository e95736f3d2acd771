"""Context values a template computes only if it shows them."""

import functools


def deferred(function):
    """A context value computed the first time a template reads it, and only then: not at all
    when the piece of the page showing it was kept (core/town_cache.py). Templates call it like
    a method."""
    return functools.cache(function)
