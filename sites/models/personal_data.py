"""The log of what was done with people's personal data on request or by the retention rule (issue #20 §3)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataRequest(models.Model):
    """One export or erasure of a person's data (asked by the person, carried out by a unit's approver or the
    board), or one run of the automatic erasure of contact details past their keeping time.

    The log itself keeps no personal data: ``subject`` is the contact masked ("ng***@gmail.com",
    "09******78"), ``counts`` only numbers per provider."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASE = "erase", _("Erasure on request")
        EXPIRED = "expired", _("Automatic erasure")

    unit = models.ForeignKey(
        "portal_sites.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    subject = models.CharField(_("person (masked)"), max_length=120, blank=True)
    counts = models.JSONField(_("records"), default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason or note"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.subject} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def total(self):
        return sum(value for value in (self.counts or {}).values() if isinstance(value, int))
