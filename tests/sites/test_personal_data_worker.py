"""The nightly erasure (sites.tasks.erase_expired_personal_data, on the beat) runs on a real Celery worker."""

from datetime import date, datetime, timedelta

from django.utils import timezone

import pytest

from documents.models import DraftComment
from sites.models import PersonalDataRequest
from sites.personal_data import erased_name
from sites.tasks import erase_expired_personal_data
from tests.factories import legal_document, make_unit


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_erases_expired_contacts_and_logs_the_run(celery_worker_process, settings):
    district = make_unit("ninh-phuoc", name="Huyện Ninh Phước", level="district")
    commune = make_unit("phuoc-hau", parent=district, name="Xã Phước Hậu")
    page = legal_document(
        commune,
        number="DT-20/UBND",
        disclosure="du-thao-lay-y-kien",
        comment_opens=date(2026, 3, 1),
        comment_closes=date(2026, 3, 31),
    )
    comment = DraftComment.objects.create(
        page=page, name="Trần Văn Ba", contact="ba@example.vn", body="Đồng ý."
    )
    days = settings.PORTAL_COMMENT_CONTACT_DAYS
    # the time is given to the task, as an ISO date-time: the closing day + the keeping time + one day
    now = datetime(2026, 3, 31, 12, tzinfo=timezone.get_current_timezone()) + timedelta(days=days + 1)

    counts = erase_expired_personal_data.delay(now.isoformat()).get(timeout=90)

    assert counts["documents.draftcomment"] == 1
    comment.refresh_from_db()
    assert comment.name == erased_name() and comment.contact == "" and comment.contact_erased_at == now
    run = PersonalDataRequest.objects.get()
    assert run.action == "expired" and run.counts["documents.draftcomment"] == 1 and run.subject == ""
