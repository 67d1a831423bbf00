from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RestructuringConfig(AppConfig):
    """Merging, renaming and re-parenting units with nothing lost (issue #21)."""

    name = "restructuring"
    verbose_name = _("Restructuring units")
    default_auto_field = "django.db.models.BigAutoField"
