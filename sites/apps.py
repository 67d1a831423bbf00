from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    # Explicit label: "sites" would clash with django.contrib.sites.
    label = "portal_sites"
    verbose_name = _("Units and sites")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sites.registry import register_board_permissions

        # Alert banners are the board's alone (units get no rights on them).
        register_board_permissions(
            *(f"portal_sites.{action}_alertbanner" for action in ("add", "change", "delete", "view"))
        )
