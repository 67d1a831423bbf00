from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import home_panels, sections  # noqa: F401  register the section and home panels
        from sites.registry import register_board_permissions

        # The board keeps the list of banned phrases, the shared categories and every unit's
        # categories and officials (units manage their own: sites/permissions.py).
        register_board_permissions(
            *(
                f"news.{action}_{model}"
                for model in ("bannedphrase", "category", "official")
                for action in ("add", "change", "delete", "view")
            )
        )
