"""Text from the query string, made safe to search with, and Vietnamese folding.

Search matches folded text: lower case, no tone marks or other diacritics, and đ/Đ written d
(Unicode decomposition leaves đ alone, so it needs its own rule). Indexing and querying both go
through ``tokens()``, on PostgreSQL and SQLite alike, so they cannot disagree about a word.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

MAX_QUERY_LENGTH = 200
MAX_TOKEN_LENGTH = 60  # PostgreSQL drops longer lexemes; both databases cut at the same place
MAX_QUERY_PARTS = 10

WORD_RE = re.compile(r"[^\W_]+")
# Straight and typographic quotes (phones type “ ” and « »).
PHRASE_RE = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]")
QUOTES_RE = re.compile(r"[\"“”„«»]")


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """Strip, drop control/zero-width characters (NUL breaks PostgreSQL) and bound the length."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(text.split())[:max_length]


@lru_cache(maxsize=4096)
def _fold_char(ch):
    if unicodedata.category(ch) == "Cf":  # zero-width spaces and joiners, soft hyphens: invisible
        return ""
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D").lower()


class _FoldTable(dict):
    """``str.translate`` table filled on demand: one lookup per distinct character."""

    def __missing__(self, code):
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text):
    """``text`` in lower case without diacritics: "Đảng bộ Phước Hậu" → "dang bo phuoc hau"."""
    return unicodedata.normalize("NFC", text or "").translate(_FOLD_TABLE)


def tokens(text):
    """The folded words of ``text``, in order: "125/QĐ-UBND" → ["125", "qd", "ubnd"]."""
    return [word[:MAX_TOKEN_LENGTH] for word in WORD_RE.findall(fold(text))]


def folded_words(text):
    """``text`` as one space-separated string of folded words, padded with a space at each end,
    so that ``" word "`` is a whole-word test on any database."""
    return f" {' '.join(tokens(text))} "


@dataclass
class ParsedQuery:
    """A search query: every term and every phrase must match (whole folded words)."""

    terms: list = field(default_factory=list)
    phrases: list = field(default_factory=list)  # lists of consecutive tokens

    def __bool__(self):
        return bool(self.terms or self.phrases)

    @property
    def words(self):
        """Every folded word of the query (for highlighting)."""
        found = set(self.terms)
        for phrase in self.phrases:
            found.update(phrase)
        return found


def parse_query(raw):
    """Terms and phrases of a visitor's query.

    Text in quotes is a phrase; so is a word joined by punctuation, which is how document numbers
    are written ("125/QĐ-UBND" must match those three words in that order). At most
    ``MAX_QUERY_PARTS`` parts are kept; a query of punctuation, emoji or marks alone is empty.
    """
    text = clean_query(raw)
    parsed = ParsedQuery()
    chunks = []
    for quoted in PHRASE_RE.findall(text):
        chunks.append(tokens(quoted))
    rest = QUOTES_RE.sub(" ", PHRASE_RE.sub(" ", text))
    chunks.extend(tokens(chunk) for chunk in rest.split())
    for words in chunks:
        if not words:
            continue
        if len(words) == 1 and words[0] not in parsed.terms:
            parsed.terms.append(words[0])
        elif len(words) > 1 and words[:MAX_QUERY_PARTS] not in parsed.phrases:
            parsed.phrases.append(words[:MAX_QUERY_PARTS])
    while len(parsed.terms) + len(parsed.phrases) > MAX_QUERY_PARTS:
        (parsed.terms if parsed.terms else parsed.phrases).pop()
    return parsed
