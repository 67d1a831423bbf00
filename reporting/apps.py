from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """What the board reads: article statistics (periods, units, categories, authors, timeliness,
    moderation delays, disclosure coverage), monthly targets, the weekly statistics mail and the
    editorial log. It reads every feature; nothing below it imports it."""

    name = "reporting"
    verbose_name = _("Editorial reports")
    default_auto_field = "django.db.models.BigAutoField"
