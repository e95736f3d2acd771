"""PostgreSQL text search configurations that read words accents aside (home/search_backend.py).

`unaccent` is a trusted extension: the database's owner may create it. Where it cannot be
created, the configurations are plain copies of `french` and `simple`, the search keeps
working (accent-sensitive) and a warning says so. Once an administrator has created the
extension, `migrate home 0001` then `migrate home` applies this again, with it (README).
"""

from django.db import migrations

CONFIGURE = """
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE WARNING 'Proximité: the unaccent extension could not be created, search stays accent-sensitive.';
    END;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'proximite_french') THEN
        CREATE TEXT SEARCH CONFIGURATION proximite_french (COPY = pg_catalog.french);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'proximite_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION proximite_simple (COPY = pg_catalog.simple);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION proximite_french
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        ALTER TEXT SEARCH CONFIGURATION proximite_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""

REMOVE = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS proximite_french;
DROP TEXT SEARCH CONFIGURATION IF EXISTS proximite_simple;
"""


def configure(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CONFIGURE)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE)


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(configure, remove)]
