"""The site's search backend: modelsearch's database backend, read accents aside everywhere.

SQLite's full-text index already folds accents and capitals. On PostgreSQL, the two text
search configurations of migration home 0002 do the same (unaccent, then French stemming for
search, no stemming for the start of words typed so far), so “epicerie” finds “Épicerie” on
every database. modelsearch always gives its autocomplete the built-in `simple` configuration:
`AUTOCOMPLETE_SEARCH_CONFIG` names another one.

Every search box of the admin (pages, images, documents, snippets, choosers) hands the backend
what was typed as is. It is read here with the public search's reader (home/search_words.py):
SQLite's full-text syntax fails on a double quote, whatever box it was typed in.

The database backends apply a list's own filters with the ORM; modelsearch still checks them
against the index first (for Elasticsearch), and fails on filters it cannot read, such as the
image library's usage count: that check is left out.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import MATCH_NONE

from home.search_words import words


class TypedTextReader:
    """Reads a search typed in a box as its words, quotes aside (nothing left: no results)."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = " ".join(words(query)) or MATCH_NONE
        if connection.vendor == "sqlite":
            # modelsearch's SQLite index keeps all of a model's text in the same columns: a search
            # restricted to some fields (a snippet list's `search_fields`) would name columns that
            # do not exist. It looks through all the model's indexed text instead.
            kwargs["fields"] = None
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


class FilteredByTheOrm:
    """A query compiler whose queryset's filters are applied by the ORM, not read by the index."""

    def _get_filters_from_queryset(self, check_only=False):
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only=check_only)


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks up in a backend's module)
    vendor = type(database_backend(params))
    backend = type(
        vendor.__name__,
        (TypedTextReader, vendor),
        {
            "query_compiler_class": type(
                "SearchQueryCompiler", (FilteredByTheOrm, vendor.query_compiler_class), {}
            ),
            "autocomplete_query_compiler_class": type(
                "AutocompleteQueryCompiler", (FilteredByTheOrm, vendor.autocomplete_query_compiler_class), {}
            ),
        },
    )(params)
    if connection.vendor == "postgresql" and params.get("AUTOCOMPLETE_SEARCH_CONFIG"):
        backend.autocomplete_config = params["AUTOCOMPLETE_SEARCH_CONFIG"]
    return backend
