from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    """Bringing in a legacy portal's archive: NukeViet 4 databases and any portal by its pages (issue #21)."""

    name = "legacy"
    verbose_name = _("Legacy imports")
    default_auto_field = "django.db.models.BigAutoField"
