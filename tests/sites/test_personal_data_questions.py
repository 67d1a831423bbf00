"""Issue #20 §3 for citizens' questions: the contact details (and the attached file) erased
PORTAL_QUESTION_CONTACT_DAYS after the question was closed, or at once on the person's request (then also
their name on the published answer); found and exported for the unit that holds the question only."""

from contextlib import nullcontext
from datetime import datetime, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Revision

import pytest

from questions.models import Question, QuestionPage
from questions.personal_data import question_data
from sites.models import PersonalDataRequest
from sites.personal_data import (
    erase_expired_personal_data,
    erase_personal_data,
    erased_name,
    export_personal_data,
)
from sites.registry import PERSONAL_DATA_HOOK, get_personal_data_providers
from tests.factories.questions import answer_page, question, reload

CLOSED = datetime(2026, 4, 1, 9, 30, tzinfo=timezone.get_fixed_timezone(7 * 60))


@pytest.fixture(autouse=True)
def providers_registered():
    registered = question_data in get_personal_data_providers()
    with nullcontext() if registered else hooks.register_temporarily(PERSONAL_DATA_HOOK, question_data):
        yield


def closed(made, at=CLOSED):
    Question.objects.filter(pk=made.pk).update(status=Question.Status.CLOSED, closed_at=at)
    return reload(made)


def with_file(made):
    made.attachment.save("don.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    made.attachment_name = "Đơn đề nghị.pdf"
    made.save(update_fields=["attachment", "attachment_name"])
    return reload(made)


def test_contacts_and_file_are_erased_after_the_keeping_time(
    commune_a, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_QUESTION_CONTACT_DAYS = 90
    old = with_file(closed(question(commune_a)))
    stored = old.attachment.name
    storage = old.attachment.storage
    assert storage.exists(stored)
    still_open = question(commune_a, email="binh@example.test", phone="0905111222")

    kept = erase_expired_personal_data(now=CLOSED + timedelta(days=90) - timedelta(seconds=1))
    assert kept["questions.question"] == 0
    assert reload(old).email == "an.nguyen@example.test"

    with django_capture_on_commit_callbacks(execute=True):
        counts = erase_expired_personal_data(now=CLOSED + timedelta(days=90, seconds=1))
    assert counts["questions.question"] == 1
    erased = reload(old)
    assert (erased.name, erased.email, erased.phone, erased.address_hash) == (erased_name(), "", "", "")
    assert not erased.attachment and erased.attachment_name == "" and not storage.exists(stored)
    assert erased.title == old.title and erased.body == old.body  # kept for the records and statistics
    assert erased.contact_erased_at == CLOSED + timedelta(days=90, seconds=1)
    assert reload(still_open).email == "binh@example.test"  # not closed: kept whatever its age
    assert PersonalDataRequest.objects.filter(action="expired").count() == 2
    # run again: nothing more
    assert erase_expired_personal_data(now=CLOSED + timedelta(days=400))["questions.question"] == 0


def test_the_days_come_from_the_setting(commune_a, settings):
    settings.PORTAL_QUESTION_CONTACT_DAYS = 10
    old = closed(question(commune_a))
    assert erase_expired_personal_data(now=CLOSED + timedelta(days=11))["questions.question"] == 1
    assert reload(old).contact_erased_at is not None


def test_find_and_export_are_confined_to_the_unit(commune_a, commune_b, approver_a):
    mine = question(commune_a, phone="0912 345 678")
    question(commune_b, title="Câu hỏi gửi xã khác")
    assert question_data.find(units=[commune_a], contact="0912345678") == [mine]
    assert question_data.find(units=[commune_a], contact="an.nguyen@example.test") == [mine]
    assert question_data.find(units=[], contact="0912345678") == []
    data = export_personal_data(unit=commune_a, contact="an.nguyen@example.test", user=approver_a)
    rows = [row for source in data["sources"] for row in source["records"] if row.get("kind")]
    questions = [row for row in rows if "reference" in row]
    assert [row["reference"] for row in questions] == [mine.reference]
    row = questions[0]
    for key in ("name", "email", "phone", "title", "question", "consent_at", "received_at", "forwards"):
        assert key in row
    assert row["email"] == "an.nguyen@example.test" and row["unit"] == commune_a.name


def test_erasure_on_request_takes_the_name_off_the_published_answer(commune_a, editor_a, approver_a):
    shown = question(commune_a, name="Trần Thị Bình", show_name=True)
    page = answer_page(shown, editor_a)
    page.get_latest_revision().publish()  # the moderation itself is tested with the questions
    page = QuestionPage.objects.get(pk=page.pk)
    assert page.live
    assert page.asker_label == "Trần Thị Bình"

    counts = erase_personal_data(unit=commune_a, contact="0912345678", user=approver_a, reason="Yêu cầu xóa.")
    assert counts["questions.question"] == 1
    erased = reload(shown)
    assert erased.name == erased_name() and not erased.show_name and erased.email == "" and erased.phone == ""
    page = QuestionPage.objects.get(pk=page.pk)
    assert page.asker_label != "Trần Thị Bình" and page.asker_label
    for revision in Revision.objects.for_instance(page):
        assert revision.content.get("asker_label") != "Trần Thị Bình"
    entry = PersonalDataRequest.objects.get(action="erase")
    assert entry.subject == "09******78" and "Bình" not in entry.subject
