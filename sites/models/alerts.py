"""Alert banners: a line the editorial board puts on top of one unit's pages or every unit's, for a set time.

A "national mourning" banner (Quốc tang) also turns the portal sober: grey emblem and header, no red.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel


class AlertKind(models.TextChoices):
    INFO = "thong-tin", _("Information")
    WARNING = "canh-bao", _("Warning")
    MOURNING = "quoc-tang", _("National mourning")


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
        _("shown until"), db_index=True, help_text=_("It disappears by itself then.")
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("message"),
        FieldPanel("message_en"),
        FieldPanel("link"),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta:
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})

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
