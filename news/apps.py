from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from sites.cache_signals import watch

        # shown on public pages (category pages and labels, officials' names): sites/cache.py
        watch("news.Category")
        watch("news.Official")
