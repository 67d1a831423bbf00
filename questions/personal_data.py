"""The personal data of citizens' questions (name, e-mail, phone, the address hash, the attached file), for
``sites.personal_data``: found, exported and erased for one person on request, and erased for everyone
``PORTAL_QUESTION_CONTACT_DAYS`` after the question was answered or closed (``Question.closed_at``).

Registered in ``questions/wagtail_hooks.py`` (``sites.registry.PERSONAL_DATA_HOOK``). The question's title and
text stay for the unit's records and statistics. An erasure on request also takes the name off the published
answer (the asker withdraws the consent to show it); the automatic one leaves the published answer as the
asker agreed it."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Revision

from questions.models import Question, QuestionPage
from questions.services import asker_label_for
from sites.cache import pages_changed
from sites.personal_data import erased_name, with_contact

logger = logging.getLogger(__name__)


def _iso(value):
    return value.isoformat() if value is not None else None


def _delete_files(names):
    storage = Question._meta.get_field("attachment").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:  # already gone: nothing left to erase
            logger.warning("could not delete the attachment %s", name, exc_info=True)


class QuestionData:
    key = "questions.question"
    label = _("Citizens' questions")

    def find(self, *, units, contact):
        """The questions sent with ``contact`` (e-mail or phone) that ``units`` now hold (not yet erased)."""
        wanted = [unit.pk for unit in units]
        if not wanted:
            return []
        found = with_contact(
            Question.objects.filter(unit_id__in=wanted, contact_erased_at__isnull=True),
            contact,
            email_fields=["email"],
            phone_fields=["phone"],
        )
        return list(
            found.select_related("unit", "received_unit", "field")
            .prefetch_related("forwards__from_unit", "forwards__to_unit")
            .order_by("received_at", "pk")
        )

    def export(self, records):
        rows = []
        for question in records:
            page = QuestionPage.objects.filter(question=question, live=True).first()
            rows.append(
                {
                    "kind": str(_("question")),
                    "reference": question.reference,
                    "unit": question.unit.name,
                    "received_by": question.received_unit.name,
                    "field": question.field.name if question.field else "",
                    "title": question.title,
                    "question": question.body,
                    "name": question.name,
                    "email": question.email,
                    "phone": question.phone,
                    "show_name": question.show_name,
                    "attachment": question.attachment_name,
                    "consent_at": _iso(question.consent_at),
                    "address_hash": question.address_hash,
                    "status": question.get_status_display(),
                    "received_at": _iso(question.received_at),
                    "due_on": _iso(question.due_on),
                    "answered_at": _iso(question.answered_at),
                    "closed_at": _iso(question.closed_at),
                    "close_reason": question.close_reason,
                    "forwards": [
                        {
                            "from": forward.from_unit.name,
                            "to": forward.to_unit.name,
                            "reason": forward.reason,
                            "at": _iso(forward.forwarded_at),
                        }
                        for forward in question.forwards.all()
                    ],
                    "answer_url": page.full_url if page is not None else "",
                    "asked_by_on_the_answer": page.asker_label if page is not None else "",
                }
            )
        return rows

    def _erase(self, questions, now, *, from_public_pages):
        if not questions:
            return 0
        ids = [question.pk for question in questions]
        files = [question.attachment.name for question in questions if question.attachment]
        shown = {question.pk: question.name for question in questions if question.show_name and question.name}
        count = Question.objects.filter(pk__in=ids, contact_erased_at__isnull=True).update(
            name=erased_name(),
            email="",
            phone="",
            address_hash="",
            show_name=False,
            attachment="",
            attachment_name="",
            contact_erased_at=now,
        )
        if from_public_pages and shown:
            self._anonymise_pages(shown)
        if files:
            transaction.on_commit(lambda: _delete_files(files))
        return count

    def _anonymise_pages(self, shown):
        """The asker's name off their answers' pages and off those pages' revisions (a later publication of an
        old revision must not bring it back)."""
        anonymous = asker_label_for(Question(show_name=False))
        pages = list(QuestionPage.objects.filter(question_id__in=shown))
        for page in pages:
            name = shown[page.question_id]
            if page.asker_label == name:
                QuestionPage.objects.filter(pk=page.pk).update(asker_label=anonymous)
            for revision in Revision.objects.for_instance(page):
                if revision.content.get("asker_label") == name:
                    revision.content["asker_label"] = anonymous
                    revision.save(update_fields=["content"])
        if pages:
            pages_changed([page.pk for page in pages])

    def erase(self, records, *, reason):
        return self._erase(list(records), timezone.now(), from_public_pages=True)

    def erase_expired(self, *, now):
        cutoff = now - timedelta(days=settings.PORTAL_QUESTION_CONTACT_DAYS)
        due = list(
            Question.objects.filter(
                contact_erased_at__isnull=True, closed_at__isnull=False, closed_at__lte=cutoff
            )
        )
        return self._erase(due, now, from_public_pages=False)


question_data = QuestionData()
