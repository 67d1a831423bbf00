"""Pre-publication checks run when an article is submitted for moderation.

Hard problems block the submission with a message on the field concerned; soft ones
(warning phrases) are returned for the approvers to see.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from news.taxonomy import BannedPhrase

MIN_LEAD_LENGTH = 30


@dataclass(frozen=True)
class Problem:
    field: str | None
    message: str
    blocking: bool = True


def _normalise(text):
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def article_text(title, lead, body):
    parts = [title or "", lead or ""]
    for block in body or []:
        value = block.value
        if hasattr(value, "source"):  # RichText
            parts.append(strip_tags(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif hasattr(value, "get"):
            parts.extend(str(v) for v in value.values() if isinstance(v, str))
    return _normalise(" ".join(parts))


def banned_phrases_in(text):
    """The editorial board's banned phrases (``BannedPhrase``) found in ``text`` as whole words, ignoring case
    and spacing; each has ``blocks_submission`` (blocking or a warning) and ``note``."""
    text = _normalise(text or "")
    return [
        phrase
        for phrase in BannedPhrase.objects.all()
        if re.search(rf"(?<!\w){re.escape(_normalise(phrase.phrase))}(?!\w)", text)
    ]


def check_article(*, title, lead, body, categories, source, featured_image):
    """Every problem with an article about to be submitted (empty list: all clear)."""
    problems = []
    if not categories:
        problems.append(Problem("categories", _("Choose at least one category.")))
    if not lead or len(lead.strip()) < MIN_LEAD_LENGTH:
        problems.append(
            Problem("lead", _("The lead must have at least %(n)s characters.") % {"n": MIN_LEAD_LENGTH})
        )
    needs_source = [c.name for c in categories if c.requires_source]
    if needs_source and not (source or "").strip():
        problems.append(
            Problem(
                "source",
                _("Articles in “%(categories)s” must name their source.")
                % {"categories": ", ".join(needs_source)},
            )
        )
    if featured_image is not None and not featured_image.decorative and not featured_image.description:
        problems.append(
            Problem(
                "featured_image",
                _("The featured image needs a description (alt text) or must be marked decorative."),
            )
        )
    for phrase in banned_phrases_in(article_text(title, lead, body)):
        if phrase.blocks_submission:
            message = _("Contains the phrase “%(phrase)s”, which the editorial board does not allow.")
        else:
            message = _("Contains the phrase “%(phrase)s”, which the editorial board asks to check.")
        message %= {"phrase": phrase.phrase}
        if phrase.note:
            message = f"{message} ({phrase.note})"
        problems.append(Problem(None, message, blocking=phrase.blocks_submission))
    return problems
