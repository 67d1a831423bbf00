from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Notifications, the review queue and the audit report of the editorial workflow.

    Listed after ``wagtail.admin`` in INSTALLED_APPS so that ``ready()`` runs after Wagtail has
    connected its own workflow e-mails, which it replaces (they are sent synchronously inside the
    request and before commit, and would reach people twice).
    """

    name = "editorial"
    verbose_name = _("Editorial workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from editorial import signals

        signals.replace_wagtail_notifications()
        signals.connect()
