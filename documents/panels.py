"""Shows the editor whether each attached file could be read for search."""

from wagtail.admin.panels import Panel


class TextStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "documents/panels/text_status.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # The saved rows, not the ones just posted: a refused file of another unit is not named back.
            saved = self.instance.attachments.model.objects.filter(page_id=self.instance.pk).order_by(
                "sort_order"
            )
            context["attachments"] = list(saved.select_related("document"))
            return context
