"""The site's search backend: modelsearch's database backend, read accents aside everywhere.

SQLite's full-text index already folds accents and capitals. On PostgreSQL, the two text
search configurations of migration home 0002 do the same (unaccent, then French stemming for
search, no stemming for the start of words typed so far), so “epicerie” finds “Épicerie” on
every database. modelsearch always gives its autocomplete the built-in `simple` configuration:
`AUTOCOMPLETE_SEARCH_CONFIG` names another one.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up in a backend's module)
    backend = database_backend(params)
    if connection.vendor == "postgresql" and params.get("AUTOCOMPLETE_SEARCH_CONFIG"):
        backend.autocomplete_config = params["AUTOCOMPLETE_SEARCH_CONFIG"]
    return backend
