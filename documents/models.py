from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from sites.selectors import unit_for_root_page


class DocumentIndexPage(Page):
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

    def get_documents(self):
        unit = unit_for_root_page(self.get_parent())
        if unit is None:
            return get_document_model().objects.none()
        return get_document_model().objects.filter(collection=unit.collection).order_by("-created_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_documents(), self.page_size)
        try:
            documents = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            documents = paginator.page(1)
        context["documents"] = documents
        return context
