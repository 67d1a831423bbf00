from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from home.mixins import UnitContextMixin
from home.pagination import paginate


class DocumentIndexPage(UnitContextMixin, Page):
    """A unit's document library at /van-ban/.

    For now it lists the files in the unit's collection; issue #6 replaces this
    with structured legal documents (``LegalDocument``).
    """

    template = "documents/document_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("document index")

    def get_documents(self, unit):
        if unit is None:
            return get_document_model().objects.none()
        return get_document_model().objects.filter(collection=unit.collection).order_by("-created_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = paginate(request, self.get_documents(context["unit"]), self.page_size)
        return context
