"""The mails of the questions' life, sent by the Celery tasks (questions/tasks.py) after the commit.

Mails to the asker go to the e-mail address they gave, while it is kept (``contact_erased_at`` empty); they
carry the reference and dates, never the question's text (a mail may be read by others)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from notifications.services import admin_url, deliver, reachable
from questions.models import Question, QuestionForward, QuestionIndexPage
from sites.models import Unit
from sites.selectors import board_members

logger = logging.getLogger(__name__)


def _send(template, email, context):
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"questions/mail/{template}_subject.txt", context).split())
        body = render_to_string(f"questions/mail/{template}.txt", context)
    send_mail(subject, body, None, [email])
    return 1


def _index_url(unit):
    index = QuestionIndexPage.objects.child_of(unit.site.root_page).live().first() if unit else None
    return index.get_full_url() if index is not None else ""


def _question(question_id):
    question = Question.objects.select_related("unit__site__root_page").filter(pk=question_id).first()
    if question is None or not question.email or question.contact_erased_at is not None:
        return None
    return question


def send_acknowledgement(question_id):
    """The acknowledgement to the asker (reference, due date); 0 when there is nobody to write to."""
    question = _question(question_id)
    if question is None:
        return 0
    context = {"question": question, "unit": question.unit, "index_url": _index_url(question.unit)}
    return _send("acknowledgement", question.email, context)


def send_forward_notice(forward_id):
    """Tell the asker their question now belongs to another unit."""
    forward = QuestionForward.objects.select_related("to_unit__site__root_page", "from_unit").filter(
        pk=forward_id
    )
    forward = forward.first()
    if forward is None:
        return 0
    question = _question(forward.question_id)
    if question is None:
        return 0
    context = {
        "question": question,
        "forward": forward,
        "unit": forward.to_unit,
        "index_url": _index_url(forward.to_unit),
    }
    return _send("forwarded", question.email, context)


def send_answer_notice(question_id):
    """Tell the asker where the published answer is."""
    question = _question(question_id)
    if question is None:
        return 0
    page = getattr(question, "answer_page", None)
    if page is None or not page.live:
        return 0
    context = {"question": question, "unit": question.unit, "answer_url": page.get_full_url()}
    return _send("answered", question.email, context)


def alert_flood(unit_id):
    """Mail the editorial board that ``unit_id``'s question form hit its limit (once per unit and hour)."""
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None:
        return 0
    now = timezone.localtime()
    return deliver(
        event="questions_flood",
        ident=f"{unit.pk}:{now:%Y%m%d%H}",
        users=reachable(board_members()),
        context={
            "unit": unit,
            "rate": settings.PORTAL_QUESTION_RATE_PER_UNIT,
            "at": now,
            "admin_url": admin_url("/admin/"),
        },
        templates="questions/mail",
    )
