"""One builder per record type, shared by the demo loader, the scale loader and the test factories.

Each builder returns the record with sensible defaults, unsaved where the scale loader inserts
in bulk (`core/bulk_pages.py`, `bulk_create`), so that a change to a model (a new required field,
a consent rule) is made in one place and the demo, the territory and the tests all follow it.
"""
