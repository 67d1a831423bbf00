from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    """Exact-time publishing and expiry on Celery (see services.py)."""

    name = "scheduling"
    verbose_name = _("Scheduled publishing")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from scheduling import signals

        signals.connect()
