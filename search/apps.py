from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.registry import register_word_filter
        from search import signals
        from search.selectors import filter_pages

        signals.connect()
        register_word_filter(filter_pages)
