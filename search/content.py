"""What the public search reads from each page type.

News: title, lead and body. Documents: number and title first, then the summary and metadata,
then the text read from the attached files. Administrative procedures: code and title first, then the
field, level, agency and applicants, then the rest of their fields. Standard and home pages: title,
description, body.
Listing pages (news and document indexes) are not results of their own.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.html import strip_tags

from documents.legal import LegalDocument
from home.models import HomePage, StandardPage
from news.models import NewsArticlePage
from procedures.models import ProcedurePage
from questions.models import QuestionPage
from search.models import Kind

# Longer texts are cut: a tsvector holds at most 1 MB and word positions stop counting at 16,383.
MAX_INDEXED_CHARS = 200_000
MAX_SNIPPET_SOURCE_CHARS = 20_000


@dataclass
class Content:
    kind: str
    date: datetime.datetime
    title: str
    number: str
    primary: str  # weight A: title (and document number)
    secondary: str  # weight B: lead, summary, metadata
    body: str  # weight C: body, attached files' text
    snippet_source: str


def stream_text(value):
    """The readable text of a StreamField value."""
    if not value:
        return ""
    return " ".join(strip_tags(str(part)) for part in value.stream_block.get_searchable_content(value))


def _page_with_body(page, kind, date, intro):
    """News articles and plain pages: the title, an introduction (lead or description), the body."""
    body = stream_text(page.body)
    return Content(
        kind=kind,
        date=date or page.first_published_at or timezone.now(),
        title=page.title,
        number="",
        primary=page.title,
        secondary=intro,
        body=body,
        snippet_source=f"{intro}\n{body}",
    )


def content_of(page, language):
    """``Content`` for a specific page instance (labels in ``language``), or None when the page type
    is not searched."""
    with translation.override(language):
        if isinstance(page, NewsArticlePage):
            return _page_with_body(page, Kind.NEWS, page.published_date, page.lead)
        if isinstance(page, HomePage | StandardPage):
            return _page_with_body(page, Kind.PAGE, page.last_published_at, page.search_description)
        if isinstance(page, LegalDocument):
            metadata = [
                page.summary,
                page.get_doc_type_display(),
                page.issuing_body,
                page.signer,
                page.signer_position,
                page.get_field_display(),
            ]
            tz = timezone.get_current_timezone()
            return Content(
                kind=Kind.DOCUMENT,
                date=datetime.datetime.combine(page.issued_on, datetime.time(), tz),
                title=page.title,
                number=page.number,
                primary=f"{page.number} {page.title}",
                secondary=" ".join(str(part) for part in metadata if part),
                body=page.full_text,
                snippet_source=f"{page.summary}\n{page.full_text}",
            )
        if isinstance(page, ProcedurePage):
            return _procedure(page)
        if isinstance(page, QuestionPage):
            return _question(page)
    return None


def _question(page):
    """A published question and its answer (never the asker's contact details: the page holds none)."""
    answer = strip_tags(page.answer or "")
    return Content(
        kind=Kind.PAGE,
        date=page.last_published_at or page.first_published_at or timezone.now(),
        title=page.title,
        number="",
        primary=page.title,
        secondary=" ".join(part for part in (page.question_text, page.answered_by) if part),
        body=answer,
        snippet_source=f"{page.question_text}\n{answer}",
    )


def _procedure(page):
    metadata = [page.get_field_display(), page.get_level_display(), page.agency, page.applicants]
    body = "\n".join(
        part
        for part in (page.steps, page.manner, page.dossier, page.time_limit, page.fees, page.result)
        if part
    )
    return Content(
        kind=Kind.PROCEDURE,
        date=page.last_published_at or page.first_published_at or timezone.now(),
        title=page.title,
        number=page.code,
        # the code as written ("1.001234") and as one word ("1001234"), so that either finds it
        primary=f"{page.code} {page.code.replace('.', '')} {page.title}",
        secondary=" ".join(str(part) for part in metadata if part),
        body=body,
        snippet_source=f"{page.applicants}\n{body}",
    )
