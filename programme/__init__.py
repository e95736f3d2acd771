"""The coup de pouce programme: volunteers, help requests, sessions and their figures.

Where things are (the same in home, shops, learning and programme): page types in `models/`;
what a request to a page runs beyond its template in `views.py` (a `views/` package, one
module a subject, once it has several), called from the page's routable routes (`@path`):
a page takes a POST only there; forms in `forms.py`; addresses that are not pages in
`urls.py`; admin screens in `admin_<subject>.py`, wired in `wagtail_hooks.py`.
"""
