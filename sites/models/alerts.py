"""Alert banners: a line the editorial board puts on top of one unit's pages or every unit's, for a set time.

A "national mourning" banner (Quốc tang) also turns the portal sober: grey emblem and header, no red.
A "planned maintenance" banner (Bảo trì hệ thống) announces an interruption of the portal: it states when the
interruption starts and when the portal is expected back, and must be posted at least 7 working days ahead
(``PORTAL_MAINTENANCE_NOTICE_WORKING_DAYS``; issue #19 §8). The rule is Nghị định 64/2007/NĐ-CP, Art. 16:
"thông báo công khai chậm nhất là 07 ngày làm việc trước khi chủ động tạm ngừng ... nêu rõ khoảng thời gian
dự kiến phục hồi". An unplanned incident (Sự cố ngoài kế hoạch) is exempt from the notice period but
states the expected recovery time too.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from sites.workdays import add_working_days

# The times of an interruption are stated in the country's time, whatever the server's.
LOCAL_TIME = ZoneInfo("Asia/Ho_Chi_Minh")


class AlertKind(models.TextChoices):
    INFO = "thong-tin", _("Information")
    WARNING = "canh-bao", _("Warning")
    MOURNING = "quoc-tang", _("National mourning")
    MAINTENANCE = "bao-tri", _("Planned maintenance")
    INCIDENT = "su-co", _("Unplanned incident")


INTERRUPTIONS = (AlertKind.MAINTENANCE, AlertKind.INCIDENT)


def notice_working_days():
    return int(getattr(settings, "PORTAL_MAINTENANCE_NOTICE_WORKING_DAYS", 7))


class AlertBanner(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=AlertKind.choices, default=AlertKind.INFO)
    message = models.CharField(_("message"), max_length=300)
    message_en = models.CharField(
        _("message in English"), max_length=300, blank=True, help_text=_("Shown on the English pages.")
    )
    link = models.URLField(_("link"), blank=True, help_text=_("Optional: where “Details” leads."))
    unit = models.ForeignKey(
        "portal_sites.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alert_banners",
        help_text=_("Leave empty to show it on every unit's site."),
    )
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("shown until"),
        db_index=True,
        blank=True,
        help_text=_("It disappears by itself then. For planned maintenance, empty: when the portal is back."),
    )
    interruption_starts_at = models.DateTimeField(
        _("interruption starts at"),
        null=True,
        blank=True,
        help_text=_(
            "Planned maintenance: at least 7 working days after the banner is shown "
            "(Nghị định 64/2007/NĐ-CP, Art. 16). Unplanned incident: when it began."
        ),
    )
    interruption_ends_at = models.DateTimeField(
        _("expected back at"),
        null=True,
        blank=True,
        help_text=_("Planned maintenance and incidents: when the portal is expected to work again."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("message"),
        FieldPanel("message_en"),
        FieldPanel("link"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel(
            [FieldPanel("interruption_starts_at"), FieldPanel("interruption_ends_at")],
            heading=_("Interruption"),
        ),
    ]

    class Meta:
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_times = (
            instance.__dict__.get("starts_at"),
            instance.__dict__.get("interruption_starts_at"),
        )
        return instance

    def clean(self):
        super().clean()
        if self.kind == AlertKind.MAINTENANCE:
            self._clean_maintenance()
        elif self.kind == AlertKind.INCIDENT:
            self._clean_incident()
        else:  # the interruption's times mean nothing on another kind of banner: not kept
            self.interruption_starts_at = self.interruption_ends_at = None
        if self.ends_at is None:
            raise ValidationError({"ends_at": _("Say until when the banner is shown.")})
        if self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})

    def _clean_maintenance(self):
        start, end = self.interruption_starts_at, self.interruption_ends_at
        errors = {}
        if start is None:
            errors["interruption_starts_at"] = _("Planned maintenance: say when the interruption starts.")
        if end is None:
            errors["interruption_ends_at"] = _("Planned maintenance: say when the portal is expected back.")
        if errors:
            raise ValidationError(errors)
        if end <= start:
            raise ValidationError(
                {"interruption_ends_at": _("The portal must be back after the interruption starts.")}
            )
        earliest = self.earliest_interruption_start()
        if earliest is not None and start.astimezone(LOCAL_TIME).date() < earliest:
            raise ValidationError(
                {
                    "interruption_starts_at": _(
                        "A planned interruption must be announced at least %(days)d working days ahead: "
                        "posted on %(posted)s, it may start on %(earliest)s at the earliest."
                    )
                    % {
                        "days": notice_working_days(),
                        "posted": self.posted_on().strftime("%d/%m/%Y"),
                        "earliest": earliest.strftime("%d/%m/%Y"),
                    }
                }
            )
        if self.ends_at is None:
            self.ends_at = end

    def _clean_incident(self):
        start, end = self.interruption_starts_at, self.interruption_ends_at
        if end is None:
            raise ValidationError(
                {"interruption_ends_at": _("Incident: say when the portal is expected back.")}
            )
        if start is not None and end <= start:
            raise ValidationError(
                {"interruption_ends_at": _("The portal must be back after the interruption starts.")}
            )
        if self.ends_at is None:
            self.ends_at = end

    def posted_on(self, now=None):
        """The local day the notice is posted: when the banner starts showing, or now if that is later. A
        banner already saved keeps the day it was posted while neither its start nor the interruption's
        start changes (correcting a typo does not move the deadline)."""
        now = now or timezone.now()
        posted = max(self.starts_at or now, now)
        saved = getattr(self, "_saved_times", None)
        if saved is not None and saved == (self.starts_at, self.interruption_starts_at) and self.starts_at:
            posted = self.starts_at
        return posted.astimezone(LOCAL_TIME).date()

    def earliest_interruption_start(self, now=None):
        """The first local day a planned interruption may start on: the working days are counted from the
        day after posting (that day not counted) and must all have passed, so the interruption starts on
        the day after the last of them at the earliest."""
        last = add_working_days(self.posted_on(now), notice_working_days())
        return last + timedelta(days=1)

    @property
    def interruption_text(self):
        """ "The system will be unavailable from HH:MM dd/mm/yyyy until about HH:MM dd/mm/yyyy" (in
        Vietnam's time) for planned maintenance, the expected recovery for an incident; empty otherwise."""
        if self.kind == AlertKind.INCIDENT and self.interruption_ends_at:
            return gettext("The system is expected to work again at about %(end)s.") % {
                "end": _moment(self.interruption_ends_at)
            }
        if (
            self.kind != AlertKind.MAINTENANCE
            or not self.interruption_starts_at
            or not self.interruption_ends_at
        ):
            return ""
        return gettext("The system will be unavailable from %(start)s until about %(end)s.") % {
            "start": _moment(self.interruption_starts_at),
            "end": _moment(self.interruption_ends_at),
        }

    @property
    def text(self):
        """The message in the page's language (English where given, else Vietnamese)."""
        return self.message_en if get_language() == "en" and self.message_en else self.message

    def status(self, now=None):
        now = now or timezone.now()
        if now < self.starts_at:
            return _("scheduled")
        return _("shown") if now < self.ends_at else _("ended")

    @property
    def status_text(self):
        return self.status()

    status_text.fget.short_description = _("status")


def _moment(value):
    return date_format(value.astimezone(LOCAL_TIME), "H:i d/m/Y")
