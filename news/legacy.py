"""Parse news pages scraped from legacy portals (title, date line, body, byline)."""

import re
from dataclasses import dataclass, field
from datetime import date

DATE_LINE_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
EVENT_DATE_RE = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)
BOILERPLATE_HEADINGS = {"tin khác"}
EARLIER_NEWS_HEADING = "tin đã đưa"


@dataclass
class LegacyArticle:
    title: str
    published: date | None
    paragraphs: list[str] = field(default_factory=list)
    byline: str = ""
    event_date: date | None = None

    @property
    def lead(self):
        return self.paragraphs[0] if self.paragraphs else ""


def _to_date(day, month, year):
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_legacy_article(text):
    """Split a scraped legacy page into its parts. Raises ValueError without a title."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    # Cut the "Tin đã đưa" list of earlier items and everything after it.
    for i, line in enumerate(lines):
        if line.lower() == EARLIER_NEWS_HEADING:
            lines = lines[:i]
            break
    content = [line for line in lines if line and line.lower() not in BOILERPLATE_HEADINGS]
    if not content:
        raise ValueError("no title found")
    title = content.pop(0)
    published = None
    if content and (match := DATE_LINE_RE.match(content[0])):
        published = _to_date(*match.groups())
        content.pop(0)
    byline = ""
    # A short last line without final punctuation is the author's name.
    if content and len(content[-1]) <= 60 and not content[-1].endswith((".", "...", ":", ";")):
        byline = content.pop()
    event_date = None
    for paragraph in content:
        if match := EVENT_DATE_RE.search(paragraph):
            event_date = _to_date(*match.groups())
            break
    return LegacyArticle(
        title=title, published=published, paragraphs=content, byline=byline, event_date=event_date
    )
