from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """The editorial workflow's e-mails (exactly once, after commit), the daily digest and the review queue.

    Listed after ``wagtail.admin`` in INSTALLED_APPS so that ``ready()`` runs after Wagtail has
    connected its own workflow e-mails, which it replaces (they are sent synchronously inside the
    request and before commit, and would reach people twice).
    """

    name = "notifications"
    verbose_name = _("Editorial workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from notifications import signals

        signals.replace_wagtail_notifications()
        signals.connect()
