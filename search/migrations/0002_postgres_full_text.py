"""PostgreSQL only: the 'portal_vi' text search configuration and the GIN index of the search entries.

'portal_vi' is 'simple' (no stemming: Vietnamese words are syllables, English stemmers mangle them)
with unaccent first, so that tone marks never decide a match. The search index stores words
already folded by ``home.text`` (the same code serves SQLite); the configuration folds whatever
else reaches it, and Wagtail's own index (admin search) uses it as its SEARCH_CONFIG. unaccent is
a trusted extension from PostgreSQL 13 on: the database owner can create it.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_vi') THEN
            CREATE TEXT SEARCH CONFIGURATION portal_vi (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION portal_vi
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END
    $$
    """,
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON portal_search_searchentry USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_vi",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_search_entry")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
