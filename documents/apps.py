from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from documents import sections, signals  # noqa: F401  registers the documents section

        signals.connect()

        from sites.registry import register_board_permissions

        register_board_permissions(
            *(f"documents.{action}_draftcomment" for action in ("change", "delete", "view"))
        )
