from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from django_ratelimit.core import is_ratelimited

from documents.comments import DraftComment  # noqa: F401
from documents.legal import Disclosure as DisclosureChoices
from documents.legal import (  # noqa: F401  (models of this app)
    DocumentType,
    Field,
    LegalDocument,
    LegalDocumentAttachment,
    LegalDocumentRelation,
    Status,
)
from home.mixins import FoldedTitleMixin, UnitContextMixin
from home.pagination import paginate


class DocumentIndexPage(UnitContextMixin, FoldedTitleMixin, Page):
    """A unit's document library at /van-ban/: its legal documents, filterable.

    The top unit's library can include every unit's documents (``?pham-vi=tat-ca``), labelled
    by unit.
    """

    template = "documents/document_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.LegalDocument"]
    max_count_per_parent = 1
    page_size = 20

    class Meta:
        verbose_name = _("document index")

    def scope_indexes(self, request, unit):
        if unit is not None and unit.parent_id is None and request.GET.get("pham-vi") == "tat-ca":
            return list(DocumentIndexPage.objects.live()), True
        return [self], False

    def get_context(self, request, *args, **kwargs):
        from documents.selectors import documents_for, issuing_bodies, read_filters
        from editorial.selectors import unit_of_path, units_with_roots

        context = super().get_context(request, *args, **kwargs)
        indexes, all_units = self.scope_indexes(request, context["unit"])
        filters = read_filters(request.GET)
        query = filters.values.get("q")
        limited = bool(query) and keyword_search_limited(request)
        if limited:  # the listing without the keyword, and a notice (status 429: see serve)
            del filters.values["q"]
            filters.notices.append(
                gettext("Too many searches from your connection. Please wait a minute and try again.")
            )
        documents = paginate(request, documents_for(indexes, filters), self.page_size)
        if all_units:
            units = units_with_roots()
            for document in documents:
                document.unit_label = unit_of_path(document.path, units)
        context.update(
            documents=documents,
            selected={key.replace("-", "_"): value for key, value in filters.values.items()},
            notices=filters.notices,
            all_units=all_units,
            is_top=context["unit"] is not None and context["unit"].parent_id is None,
            doc_types=DocumentType.choices,
            fields=Field.choices,
            disclosures=DisclosureChoices.choices,
            statuses=Status.choices,
            bodies=issuing_bodies(indexes),
            rate_limited=limited,
        )
        if limited:
            context["selected"]["q"] = query
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (getattr(response, "context_data", None) or {}).get("rate_limited"):
            response.status_code = 429
            response["Retry-After"] = "60"
        return response


def keyword_search_limited(request):
    """Whether this client has run the word matcher too often: the keyword search of the document
    libraries shares the public search's budget (``PORTAL_SEARCH_RATE`` per client address)."""
    return is_ratelimited(
        request, group="portal-search", key="ip", rate=settings.PORTAL_SEARCH_RATE, increment=True
    )
