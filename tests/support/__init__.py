"""What tests and the bench share to drive the portal from outside.

- `commands`: `manage.py` (or a snippet of Python) in a clean environment, the portal's
  configuration given explicitly, never inherited from whoever runs the tests;
- `gunicorn`: the project's gunicorn on a loopback port, stopped whatever happens;
- `live_portal`: a whole portal (its own folder, the demo towns) under that gunicorn;
- `forms`: what a browser would send from a page's form, read with BeautifulSoup;
- `page_weight`: what a first visit costs in bytes, in Chromium.

The bench imports this package and nothing else of `tests`; nothing here imports the bench,
another part of `tests` or pytest, so `make bench` runs without the test suite.
"""
