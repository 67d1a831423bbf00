"""Factories for the access-to-information page, late disclosure and consultation outcomes."""

from datetime import date, datetime, time

from django.utils import timezone

from documents.models import AccessInformationPage, DocumentIndexPage, LegalDocument
from sites.cache import pages_changed
from tests.factories import legal_document, make_file

TZ = timezone.get_default_timezone()


def local(day, hour=9):
    """An aware datetime on the Asia/Ho_Chi_Minh calendar."""
    return datetime.combine(day, time(hour), tzinfo=TZ)


def access_page(unit):
    return AccessInformationPage.objects.child_of(unit.site.root_page).get()


def published_document(unit, *, published, **fields):
    """A published document (with one PDF) whose first publication is ``published`` (a date or datetime)."""
    page = legal_document(unit, **fields)
    moment = published if isinstance(published, datetime) else local(published)
    LegalDocument.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    page.refresh_from_db()
    return page


def many_documents(unit, count, *, disclosure="chi-dao-dieu-hanh", prefix="N"):
    """``count`` live documents without files nor revisions (fast: for query budgets)."""
    index = DocumentIndexPage.objects.child_of(unit.site.root_page).get()
    now = timezone.now()
    for n in range(count):
        index.add_child(
            instance=LegalDocument(
                title=f"Văn bản {prefix}{n}",
                slug=f"{prefix.lower()}-{unit.pk}-{n}",
                number=f"{prefix}{n}/{unit.pk}/UBND",
                doc_type="quyet-dinh",
                issuing_body=f"UBND {unit.name}",
                issued_on=date(2026, 3, 2),
                field="hanh-chinh",
                summary=f"Văn bản số {n}",
                disclosure=disclosure,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    pages_changed([index])  # as a publication does (added without Wagtail's publish signal)


def outcome_file(unit, title="Báo cáo tổng hợp, tiếp thu, giải trình ý kiến"):
    return make_file(unit.collection, title, name="bao-cao-tong-hop.pdf")
