from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home pages")

    def ready(self):
        from sites.registry import register_home_page_factory

        from .models import HomePage

        register_home_page_factory(HomePage.for_new_unit)
