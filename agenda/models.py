"""The leaders' weekly work schedule (lịch công tác, issue #20 §5) at /lich-cong-tac/ of every unit.

``ScheduleIndexPage`` shows this week or next (``?tuan=2026-W49``), a printable layout (``?in=1``) and an
iCalendar feed (``lich.ics``). Each week is a ``WeekSchedulePage`` (a page, so it follows the unit's
confinement and moderation workflow) holding its ``ScheduleEntry`` rows. An entry keeps its ``key`` across
revisions; when a week already live is published again, the entries new or changed since the previous
publication get ``adjusted_at`` (agenda/signals.py), shown as "Điều chỉnh lúc ...".
"""

import uuid
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from agenda.forms import WeekSchedulePageForm
from agenda.weeks import date_label, week_title
from home.mixins import FoldedTitleMixin, UnitContextMixin

NOT_A_MONDAY = _("A week starts on a Monday: choose the Monday of the week.")
END_BEFORE_START = _("The end time must be after the start time.")


class ScheduleIndexPage(UnitContextMixin, RoutablePageMixin, FoldedTitleMixin, Page):
    """The unit's work schedule at /lich-cong-tac/: this week by default, next week, any week by
    ``?tuan=2026-W49``, printable with ``?in=1``. Its iCalendar feed, /lich-cong-tac/lich.ics, is a URL of
    agenda/urls.py (Wagtail serves no path with a dot).

    ``UnitContextMixin`` first: its ``route`` marks the page as free of view restrictions (no query when no
    page has one), which the routable mixin's ``route`` would otherwise skip."""

    template = "agenda/schedule_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda.WeekSchedulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("work schedule")

    @path("")
    def week_view(self, request):
        from agenda import views  # agenda.views reads the pages defined here

        return views.week_view(self, request)


class WeekSchedulePage(UnitContextMixin, FoldedTitleMixin, Page):
    """One week of the schedule (Monday to Sunday): its title and slug follow ``week_start``
    ("Lịch công tác tuần 49 (30/11/2026 – 06/12/2026)", ``tuan-2026-49``)."""

    base_form_class = WeekSchedulePageForm

    week_start = models.DateField(_("week starting"), help_text=_("The Monday of the week."))

    content_panels = [
        FieldPanel("week_start"),
        InlinePanel("entries", label=_("Activities")),
    ]
    # No title or slug to type: both follow the week (``set_title_and_slug``).
    promote_panels = [FieldPanel("search_description")]

    template = "agenda/week_schedule_page.html"
    parent_page_types = ["agenda.ScheduleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("week schedule")
        verbose_name_plural = _("week schedules")

    @property
    def week_end(self):
        return self.week_start + timedelta(days=6) if self.week_start else None

    def full_clean(self, *args, **kwargs):
        # The title (and, for a new page, the slug) follow the week, whoever builds the page (the admin's
        # form, copy_week, the demo): they are set before Wagtail checks them.
        self.set_title_and_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):  # a draft's save
        self.set_title_and_slug()
        super().minimal_clean()

    def set_title_and_slug(self):
        if not hasattr(self.week_start, "isocalendar"):
            return
        with translation.override(settings.LANGUAGE_CODE):  # stored text: in the site's language
            self.title = week_title(self.week_start)
        self.draft_title = self.title
        if not self.slug:
            year, week, _day = self.week_start.isocalendar()
            self.slug = f"tuan-{year}-{week:02d}"

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": NOT_A_MONDAY})

    def copy(self, *args, process_child_object=None, **kwargs):
        """A copy's entries get keys of their own (a key names one activity in the iCalendar feed)."""

        def fresh_keys(specific_page, page_copy, child_relation, child_object):
            if isinstance(child_object, ScheduleEntry):
                child_object.key = uuid.uuid4()
                child_object.adjusted_at = None
            if process_child_object is not None:
                process_child_object(specific_page, page_copy, child_relation, child_object)

        return super().copy(*args, process_child_object=fresh_keys, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from agenda import views  # agenda.views reads the pages defined here

        context = super().get_context(request, *args, **kwargs)
        context.update(views.week_page_context(self, request))
        return context


class ScheduleEntry(Orderable, ClusterableModel):
    """One activity of the week: when, what, where, who chairs, who attends, who prepares."""

    page = ParentalKey(WeekSchedulePage, on_delete=models.CASCADE, related_name="entries")
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    content = models.TextField(_("activity"), max_length=2000)
    location = models.CharField(_("location"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "news.Official",
        verbose_name=_("chaired by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("One of the unit's leaders; otherwise type the name below."),
    )
    chair_text = models.CharField(
        _("chaired by (other)"),
        max_length=255,
        blank=True,
        help_text=_("Who chairs, when it is not one of the unit's tracked leaders."),
    )
    officials = ParentalManyToManyField(
        "news.Official",
        verbose_name=_("leaders taking part"),
        blank=True,
        related_name="+",
    )
    attendees = models.TextField(_("attending"), blank=True, max_length=2000)
    preparing_body = models.CharField(_("preparing body"), max_length=255, blank=True)
    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    adjusted_at = models.DateTimeField(_("adjusted at"), null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("content"),
        FieldPanel("location"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("chair"), FieldPanel("chair_text")]),
                FieldPanel("officials", widget=forms.CheckboxSelectMultiple),
                FieldPanel("attendees"),
                FieldPanel("preparing_body"),
            ],
            heading=_("People"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return f"{date_label(self.day)} {self.start_time:%H:%M} {self.content[:60]}"

    def clean(self):
        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": END_BEFORE_START})

    @property
    def chair_label(self):
        """Who chairs, as shown: the leader's name and position, or the text typed."""
        if self.chair_id and self.chair is not None:
            return f"{self.chair.name} ({self.chair.position})"
        return self.chair_text

    def fingerprint(self, official_ids=None):
        """What a reader sees of the entry: a change to any of it marks the entry adjusted."""
        if official_ids is None:
            official_ids = sorted(official.pk for official in self.officials.all())
        return (
            str(self.day),
            str(self.start_time),
            str(self.end_time or ""),
            (self.content or "").strip(),
            (self.location or "").strip(),
            self.chair_id,
            (self.chair_text or "").strip(),
            tuple(sorted(official_ids)),
            (self.attendees or "").strip(),
            (self.preparing_body or "").strip(),
        )
