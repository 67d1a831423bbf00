from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import home_panels, sections  # noqa: F401  register the section and home panels
        from sites.registry import register_board_permissions

        # The board keeps the list of banned phrases.
        register_board_permissions(
            "news.add_bannedphrase",
            "news.change_bannedphrase",
            "news.delete_bannedphrase",
            "news.view_bannedphrase",
        )
