from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Work schedule")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from agenda import signals

        signals.connect()
