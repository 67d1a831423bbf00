"""Text from the query string, made safe to search with."""

MAX_QUERY_LENGTH = 200


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """Strip, drop control/zero-width characters (NUL breaks PostgreSQL) and bound the length."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(text.split())[:max_length]
