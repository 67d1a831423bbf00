"""The board's monthly article targets and Monday's weekly statistics mails."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from notifications.services import admin_url, deliver, reachable
from reporting.delays import waiting
from reporting.models import ArticleTarget
from reporting.periods import Period
from reporting.statistics import articles_per_unit, inactive_units, month_progress
from sites.selectors import all_units, board_members


def set_article_targets(user, targets):
    """Save the board's monthly targets ({unit: number or None}); None removes a unit's target.
    Returns the units whose target changed."""
    current = {t.unit_id: t for t in ArticleTarget.objects.filter(unit__in=list(targets))}
    changed = []
    with transaction.atomic():
        for unit, value in targets.items():
            existing = current.get(unit.pk)
            if value is None:
                if existing is not None:
                    existing.delete()
                    changed.append(unit)
            elif existing is None or existing.monthly_articles != value:
                ArticleTarget.objects.update_or_create(
                    unit=unit, defaults={"monthly_articles": value, "updated_by": user}
                )
                changed.append(unit)
    return changed


def last_week(today):
    """The Monday-to-Sunday week before the one holding ``today``."""
    monday = today - timedelta(days=today.weekday() + 7)
    sunday = monday + timedelta(days=6)
    year, week, _day = monday.isocalendar()
    label = _("Week %(week)s/%(year)s") % {"week": week, "year": year}
    return Period(monday, sunday, label), f"{year}-W{week:02d}"


def send_weekly_statistics(now=None):
    """Monday's mails: the board gets the week's digest (articles per unit against the same week last year,
    the month's progress against the targets, inactive units, what waits in moderation); each unit behind
    its target or inactive gets a reminder to its editors and approvers. Each mail goes once per week.
    Returns (digests, reminders) sent now."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    with translation.override(settings.LANGUAGE_CODE):
        week, ident = last_week(today)
    units = list(all_units())
    if not units:
        return 0, 0
    yesterday = today - timedelta(days=1)
    progress = month_progress(units, day=yesterday)
    idle = {a.unit.pk: a for a in inactive_units(units, days=settings.PORTAL_INACTIVE_DAYS, now=now)}
    queue = waiting(units, now=now)
    context = {
        "week": week,
        "articles": articles_per_unit(week, units),
        "progress": progress,
        "month": yesterday,
        "inactive": list(idle.values()),
        "inactive_days": settings.PORTAL_INACTIVE_DAYS,
        "waiting": queue,
        "oldest": queue[0] if queue else None,
        "statistics_url": admin_url(reverse("editorial_statistics")),
    }
    digests = deliver(
        event="weekly",
        ident=ident,
        users=reachable(board_members()),
        context=context,
        templates="reporting/emails",
    )
    reminders = 0
    for row in progress:
        activity = idle.get(row.unit.pk)
        if row.status != "behind" and activity is None:
            continue
        members = (
            get_user_model()
            .objects.filter(groups__in=[row.unit.editors_group_id, row.unit.approvers_group_id])
            .distinct()
        )
        reminders += deliver(
            event="reminder",
            ident=f"{ident}:{row.unit.pk}",
            users=reachable(members.order_by("pk")),
            templates="reporting/emails",
            context={
                **context,
                "unit": row.unit,
                "row": row,
                "activity": activity,
                "behind": row.status == "behind",
            },
        )
    return digests, reminders
