from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.models import ScheduleIndexPage
from sites.registry import ensure_child_page

SCHEDULE_SLUG = "lich-cong-tac"


def build_schedule_section(*, unit, home_page):
    """Every unit's site shows its leaders' weekly work schedule at /lich-cong-tac/ (live, empty at first)."""
    now = timezone.now()
    ensure_child_page(
        home_page,
        ScheduleIndexPage,
        title=_("Work schedule"),
        slug=SCHEDULE_SLUG,
        first_published_at=now,
        last_published_at=now,
    )
