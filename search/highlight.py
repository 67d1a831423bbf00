"""Result titles and snippets with the matched words marked, compared folded like the search."""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from home.text import MAX_TOKEN_LENGTH, WORD_RE, fold

SNIPPET_LENGTH = 260
LEAD_IN = 70  # characters kept before the first match


def _words(text):
    """(start, end, folded word) of every word of ``text`` (NFC)."""
    folded = fold(text)
    if len(folded) == len(text):  # the usual case: one folded character per character, spans line up
        return [(m.start(), m.end(), m.group()[:MAX_TOKEN_LENGTH]) for m in WORD_RE.finditer(folded)]
    return [(m.start(), m.end(), fold(m.group())[:MAX_TOKEN_LENGTH]) for m in WORD_RE.finditer(text)]


def _matched(words, parsed):
    """Indexes of the words that a term or a whole phrase of ``parsed`` matches."""
    terms = set(parsed.terms)
    hits = {i for i, (_s, _e, word) in enumerate(words) if word in terms}
    folded = [word for _s, _e, word in words]
    for phrase in parsed.phrases:
        size = len(phrase)
        for i in range(len(folded) - size + 1):
            if folded[i : i + size] == phrase:
                hits.update(range(i, i + size))
    return hits


def _render(text, words, hits, start, end):
    out, cursor = [], start
    for i, (s, e, _word) in enumerate(words):
        if i not in hits or s < start or e > end:
            continue
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    return "".join(out)


def highlight(text, parsed):
    """``text`` (escaped) with every matched word in ``<mark>``."""
    text = unicodedata.normalize("NFC", text or "")
    words = _words(text)
    return mark_safe(_render(text, words, _matched(words, parsed), 0, len(text)))  # noqa: S308 (escaped)


def snippet(text, parsed, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around the first match, matches marked, "…" where cut."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not text:
        return ""
    words = _words(text)
    hits = _matched(words, parsed)
    first = min(hits) if hits else None
    start = 0
    if first is not None and words[first][0] > LEAD_IN:
        # Begin at a word, a little before the first match.
        start = next(s for s, _e, _w in words if s >= words[first][0] - LEAD_IN)
    end = min(len(text), start + length)
    if end < len(text):
        # End after a whole word.
        end = max((e for _s, e, _w in words if start < e <= end), default=end)
    body = _render(text, words, hits, start, end)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308
