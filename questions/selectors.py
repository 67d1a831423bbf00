"""Reads of citizens' questions for the admin (listing, dashboard panel)."""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from questions.models import Question

OPEN_STATUSES = (Question.Status.RECEIVED, Question.Status.ANSWERING)


def waiting_first(queryset):
    """Open questions first, the oldest first; then the others, the most recent first."""
    return queryset.annotate(
        _waiting=Case(
            When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("_waiting", "received_at", "pk")


def overdue(queryset, today=None):
    """Open questions of ``queryset`` past their due date."""
    today = today or timezone.localdate()
    return queryset.filter(status__in=OPEN_STATUSES, due_on__lt=today)


def open_questions(units):
    """The open questions (received, being answered) of ``units``, the oldest first."""
    return (
        Question.objects.filter(unit__in=units, status__in=OPEN_STATUSES)
        .select_related("unit")
        .order_by("received_at", "pk")
    )


def waiting_summary(units, *, limit=10, today=None):
    """For the dashboard: ``(count, overdue_count, questions)``, the ``limit`` oldest open questions of
    ``units`` (each with ``overdue`` set), in three queries whatever the number of units."""
    today = today or timezone.localdate()
    questions = open_questions(units)
    count = questions.count()
    overdue_count = overdue(questions, today).count() if count else 0
    rows = list(questions.only("reference", "title", "unit__name", "received_at", "due_on", "status")[:limit])
    for question in rows:
        question.overdue = question.due_on is not None and question.due_on < today
    return count, overdue_count, rows
