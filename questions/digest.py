"""The questions' sections of the daily review digest (``notifications.registry.DIGEST_SECTIONS_HOOK``).

Registered in ``questions/wagtail_hooks.py``:
``hooks.register(DIGEST_SECTIONS_HOOK, question_sections, order=20)``.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.registry import DigestItem, DigestSection
from questions.models import Question
from sites.models import Unit
from sites.selectors import is_board_member

OPEN = (Question.Status.RECEIVED, Question.Status.ANSWERING)
LIMIT = 30  # items listed per section; the rest are counted


def _admin_url(name, *args):
    """An absolute admin URL (the mail is read outside the site); the dashboard if the view is not there."""
    try:
        path = reverse(name, args=args)
    except NoReverseMatch:
        path = reverse("wagtailadmin_home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _items(questions, *, now, with_unit):
    today = timezone.localdate(now)
    items = []
    for question in questions:
        text = f"{question.reference}: {question.title}"
        if with_unit:
            text += f" ({question.unit.name})"
        items.append(
            DigestItem(
                text=text,
                url=_admin_url("questions_admin:detail", question.pk),
                age=now - question.received_at,
                due_on=question.due_on,
                overdue=question.is_overdue(today),
            )
        )
    return items


def _section(title, queryset, *, now, with_unit):
    questions = list(queryset.select_related("unit").order_by("received_at", "pk")[: LIMIT + 1])
    more = 0
    if len(questions) > LIMIT:
        more = queryset.count() - LIMIT
        questions = questions[:LIMIT]
    return DigestSection(
        title=title,
        items=_items(questions, now=now, with_unit=with_unit),
        url=_admin_url("questions_admin:index"),
        more=more,
    )


def question_sections(*, user, now):
    """The open questions of ``user``'s units, oldest first, each with its due date and the overdue ones
    flagged; for the editorial board, also the other units' overdue questions (the board follows up)."""
    mine = Unit.objects.for_member(user).values("pk")
    waiting = Question.objects.filter(unit__in=mine, status__in=OPEN)
    sections = [
        _section(_("Citizens' questions waiting for an answer:"), waiting, now=now, with_unit=True),
    ]
    if is_board_member(user):
        late_elsewhere = Question.objects.filter(status__in=OPEN, due_on__lt=timezone.localdate(now)).exclude(
            unit__in=mine
        )
        sections.append(
            _section(_("Overdue questions in the other units:"), late_elsewhere, now=now, with_unit=True)
        )
    return sections
