from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "sites"
    # Explicit label: "sites" would clash with django.contrib.sites.
    label = "portal_sites"
    verbose_name = _("Units and sites")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        post_save.connect(_mirror_new_translation, dispatch_uid="portal_sites_mirror_translation")
        post_migrate.connect(_grant_board_permissions, dispatch_uid="portal_sites_board_permissions")

        from sites import cache_signals

        cache_signals.connect()


def _mirror_new_translation(sender, instance, created, raw=False, **kwargs):
    from wagtail.models import Page

    if created and not raw and isinstance(instance, Page):
        from sites.services import mirror_to_translation

        mirror_to_translation(instance)


def _grant_board_permissions(sender, using="default", **kwargs):
    """After ``migrate`` (sent once per app; cheap and idempotent): existing boards get the permissions a
    new release registered."""
    from sites.models import Unit
    from sites.services import grant_board_permissions

    if Unit.objects.using(using).filter(parent=None).exists():
        grant_board_permissions()
