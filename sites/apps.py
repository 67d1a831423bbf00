from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    # Explicit label: "sites" would clash with django.contrib.sites.
    label = "portal_sites"
    verbose_name = _("Units and sites")
    default_auto_field = "django.db.models.BigAutoField"
